import { PageHeaderSkeleton, PanelSkeleton, Skeleton } from "@/components/ui/states";

/** The role page's shape while it loads: header, section bar, summary, trust and permissions side by side, lint. */
export function RoleDetailSkeleton({ label }: { label: string }) {
  return (
    <div role="status" aria-label={label} className="space-y-4">
      <PageHeaderSkeleton />
      <Skeleton className="h-6 w-full" />
      <PanelSkeleton lines={3} />
      <div className="grid gap-4 xl:grid-cols-2">
        <PanelSkeleton lines={8} />
        <PanelSkeleton lines={8} />
      </div>
      <PanelSkeleton lines={5} />
    </div>
  );
}
