import { useTranslations } from "next-intl";
import type { Advice } from "@/lib/diagnosis/types";

/** Where to look when no change in RAM or the config is the fix: the log, the resource settings, the image address. */
export function AdviceList({ advice }: { advice: Advice[] }) {
  const t = useTranslations("diagnosis.advice");
  return (
    <ul className="list-disc space-y-1 pl-5 text-sm text-slate-800" data-testid="advice">
      {advice.map((a) => (
        <li key={a.id} data-advice={a.id}>
          {a.id === "instance-log"
            ? t("instance-log", { instances: a.instances.join(", ") || "none" })
            : a.id === "memory-settings"
              ? t("memory-settings", { memory: a.memoryMb ?? 0 })
              : a.id === "image-address"
                ? t("image-address", { region: a.region })
                : t(a.id)}
        </li>
      ))}
    </ul>
  );
}
