import { getTranslations } from "next-intl/server";

/** In the header of every console page while ROLESCOPE_READ_ONLY=true: no control there changes the cloud. */
export async function ReadOnlyBadge() {
  const t = await getTranslations("shell.readOnly");
  return (
    <span
      data-testid="read-only-badge"
      title={t("label")}
      aria-label={t("label")}
      className="inline-flex items-center gap-1.5 rounded bg-amber-50 px-2 py-1 text-xs font-medium text-amber-900 ring-1 ring-inset ring-amber-600/30"
    >
      <span aria-hidden className="h-1.5 w-1.5 rounded-full bg-amber-500" />
      {t("badge")}
    </span>
  );
}
