import { Badge } from "@/components/ui/badge";
import type { Tone } from "@/components/ui/tone";

const STATUS_TONE: Record<string, Tone> = {
  Running: "success",
  Completed: "success",
  Failed: "danger",
  DeleteFailed: "danger",
  Creating: "info",
  Updating: "info",
  Starting: "info",
  Waiting: "info",
  Stopping: "info",
  Deleting: "info",
  HotUpdate: "info",
  Stopped: "neutral",
};

const statusTone = (status: string): Tone => STATUS_TONE[status] ?? "neutral";

/** An EAS service status, in the one colour the console gives it everywhere. */
export function StatusBadge({ status }: { status: string }) {
  return (
    <Badge tone={statusTone(status)} dot>
      {status}
    </Badge>
  );
}
