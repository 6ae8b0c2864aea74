import { Badge } from "@/components/ui/badge";
import { statusTone } from "@/components/ui/tone";

/** An EAS service status, in the one colour the console gives it everywhere (components/ui/tone.ts). */
export function StatusBadge({ status }: { status: string }) {
  return (
    <Badge tone={statusTone(status)} dot>
      {status}
    </Badge>
  );
}
