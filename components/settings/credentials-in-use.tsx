import { getLocale, getTranslations } from "next-intl/server";
import { formatStamp } from "@/i18n/format";
import { Badge } from "@/components/ui/badge";
import { DescriptionList } from "@/components/ui/description-list";
import { Panel } from "@/components/ui/panel";
import { ClientMessages } from "@/components/providers/client-messages";
import type { CredentialsView } from "@/lib/cloud/credentials-status";
import { ExpiryCountdown } from "./expiry-countdown";

const mono = "font-mono text-xs";

/** Which credentials the console signs with now: source, identity, masked key id, expiry, refresh and error. */
export async function CredentialsInUse({ view }: { view: CredentialsView }) {
  const t = await getTranslations("settings.credentials");
  const locale = await getLocale();
  const when = (iso: string) => (
    <time dateTime={iso} className="tabular-nums">
      {formatStamp(new Date(iso), locale)}
    </time>
  );
  const items = [
    { term: t("source"), detail: <span data-testid="credentials-source"><Badge tone={view.source ? "info" : "warning"}>{t(`sources.${view.source ?? "none"}`)}</Badge> <code className={`ml-1 ${mono} text-slate-600`}>{view.source ?? ""}</code></span> },
    ...(view.location ? [{ term: t("location"), detail: <code className={mono}>{view.location}</code> }] : []),
    {
      term: t("identity"),
      detail: view.identity ? <code data-testid="credentials-identity" className={mono}>{view.identity.arn}</code> : <span className="text-amber-900">{t("identityUnknown")}{view.identityError ? <> — <code className={mono}>{view.identityError.code}</code> {view.identityError.message}</> : null}</span>,
    },
    ...(view.identity ? [{ term: t("account"), detail: <code className={mono}>{view.identity.accountId}</code> }] : []),
    { term: t("accessKeyId"), detail: <code data-testid="credentials-key-id" className={mono}>{view.accessKeyId ?? "—"}</code> },
    {
      term: t("expires"),
      detail: view.expiresAt ? (
        <span data-testid="credentials-expiry" className="flex flex-wrap items-baseline gap-x-2">
          {when(view.expiresAt)}
          <ClientMessages namespaces={["settings.countdown"]}>
            <ExpiryCountdown expiresAt={view.expiresAt} renderedAt={view.readAt} />
          </ClientMessages>
        </span>
      ) : (
        <span data-testid="credentials-expiry" className="text-slate-600">{t("noExpiry")}</span>
      ),
    },
    { term: t("lastRefresh"), detail: view.lastRefreshAt ? when(view.lastRefreshAt) : t("never") },
    {
      term: t("lastError"),
      detail: view.lastError ? (
        <span data-testid="credentials-last-error" className="text-red-800">
          {when(view.lastError.at)} — {view.lastError.message}
        </span>
      ) : (
        t("noError")
      ),
    },
  ];
  return (
    <Panel title={t("inUse")} id="in-use">
      <DescriptionList items={items} />
      <p className="mt-3 max-w-3xl text-xs text-slate-500">{view.mode === "emulator" ? t("emulatorMode") : t("refreshRule")}</p>
    </Panel>
  );
}
