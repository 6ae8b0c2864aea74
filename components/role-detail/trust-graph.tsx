"use client";

import dynamic from "next/dynamic";
import type { ComponentProps } from "react";
import type { TrustGraphView } from "./trust-graph-view";

// React Flow is most of this page's JavaScript, and the graph repeats what the principal table
// beside it says: it loads after the page is interactive, in a box of its final height.
const LazyGraph = dynamic(() => import("./trust-graph-view").then((m) => m.TrustGraphView), {
  ssr: false,
  loading: () => null,
});

export function TrustGraph({ width, ...props }: ComponentProps<typeof TrustGraphView> & { width: number }) {
  return (
    <div style={{ height: props.height, width, maxWidth: "100%" }} className="rounded border border-slate-200 bg-slate-50" data-testid="trust-graph">
      <LazyGraph {...props} />
    </div>
  );
}
