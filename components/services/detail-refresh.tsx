"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Freshness } from "@/components/ui/freshness";
import { dropServerCache } from "@/components/inventory/refresh";

/** Drops the server's cached reads for this service and renders the page again. */
export function DetailRefresh({ fetchedAt, region, name }: { fetchedAt: number; region: string; name: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  return (
    <Freshness
      fetchedAt={fetchedAt}
      refreshing={busy}
      onRefresh={async () => {
        setBusy(true);
        await dropServerCache({ what: "service", region, name }).catch(() => undefined);
        router.refresh();
        setBusy(false);
      }}
    />
  );
}
