import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { statusTone } from "@/components/ui/tone";

/**
 * An EAS service status, in the one colour the console gives it everywhere (components/ui/tone.ts)
 * and in the reader's words, as the EAS console shows it; the API's own value stays in the title
 * (and is shown as it is for a status the catalog does not know yet).
 */
export function StatusBadge({ status }: { status: string }) {
  const t = useTranslations("common.serviceStatus");
  const words = t.has(status as "Running") ? t(status as "Running") : status;
  return (
    <Badge tone={statusTone(status)} dot title={words === status ? undefined : status}>
      {words}
    </Badge>
  );
}
