import { PageHeaderSkeleton, PanelSkeleton } from "@/components/ui/states";

/** The service page's shape while it loads: header, overview, role chain, needs, events, config. */
export function ServiceDetailSkeleton({ label }: { label: string }) {
  return (
    <div role="status" aria-label={label}>
      <PageHeaderSkeleton />
      <div className="grid gap-4">
        <PanelSkeleton lines={4} />
        <PanelSkeleton lines={3} />
        <PanelSkeleton lines={4} />
        <PanelSkeleton lines={5} />
      </div>
    </div>
  );
}
