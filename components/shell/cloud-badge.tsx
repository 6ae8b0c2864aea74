import { getTranslations } from "next-intl/server";
import type { CloudDescription } from "@/lib/cloud/types";

export async function CloudBadge({ cloud }: { cloud: CloudDescription }) {
  const t = await getTranslations("shell.cloud");
  const name = t(cloud.mode);
  const emulator = cloud.mode === "emulator";
  return (
    <span
      data-testid="cloud-badge"
      aria-label={t("badgeLabel", { name, endpoint: cloud.endpoint })}
      className={`inline-flex items-center gap-2 rounded px-2 py-1 text-xs ring-1 ring-inset ${
        emulator ? "bg-violet-50 text-violet-900 ring-violet-300" : "bg-orange-50 text-orange-900 ring-orange-300"
      }`}
    >
      <span className="font-medium">{name}</span>
      <span className="font-mono text-[11px] opacity-80">{cloud.endpoint}</span>
      <span className="opacity-80">· {cloud.regions.join(", ")}</span>
    </span>
  );
}
