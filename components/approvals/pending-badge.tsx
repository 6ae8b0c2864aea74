"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { fetchJson } from "@/components/ui/fetch-json";

// The admins' count of requests waiting for a decision, beside "Approvals" in the navigation;
// polled, since the console's layout does not re-render on each navigation.
export function PendingBadge({ initial }: { initial: number }) {
  const t = useTranslations("approvals");
  const q = useQuery({
    queryKey: ["passrole-requests", "pending-count"],
    queryFn: async () => (await fetchJson<{ total: number }>("/api/passrole-requests?state=pending&limit=1")).total,
    initialData: initial,
    refetchInterval: 15_000,
    staleTime: 10_000,
  });
  if (!q.data) return null;
  return (
    <span className="ml-auto rounded-full bg-amber-500 px-1.5 text-[11px] font-semibold leading-4 text-white" title={t("pendingBadge", { count: q.data })} data-testid="pending-badge">
      {q.data}
      <span className="sr-only"> {t("pendingBadge", { count: q.data })}</span>
    </span>
  );
}
