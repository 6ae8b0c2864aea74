"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Freshness } from "@/components/ui/freshness";

/** Drops the server's cached reads for this service and renders the page again. */
export function DetailRefresh({ fetchedAt, apiPath }: { fetchedAt: number; apiPath: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  return (
    <Freshness
      fetchedAt={fetchedAt}
      refreshing={busy}
      onRefresh={async () => {
        setBusy(true);
        await fetch(`${apiPath}?refresh=1`).catch(() => undefined);
        router.refresh();
        setBusy(false);
      }}
    />
  );
}
