import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Panel } from "@/components/ui/panel";
import { Table, TD, TH, THead, TR } from "@/components/ui/table";
import type { CredentialsView } from "@/lib/cloud/credentials-status";

/** The chain's links in the order they are tried, which of them are configured, and the one in use. */
export async function CredentialChain({ chain }: { chain: CredentialsView["chain"] }) {
  const t = await getTranslations("settings.credentials.chain");
  return (
    <Panel title={t("title")} id="chain">
      <p className="mb-2 text-xs text-slate-500">{t("intro")}</p>
      <Table aria-label={t("title")}>
        <THead>
          <tr>
            <TH className="w-12 text-right">{t("order")}</TH>
            <TH>{t("link")}</TH>
            <TH className="w-32">{t("state")}</TH>
          </tr>
        </THead>
        <tbody>
          {chain.map((e, i) => (
            <TR key={e.link} data-link={e.link}>
              <TD className="text-right tabular-nums text-slate-500">{i + 1}</TD>
              <TD>
                <div>
                  {t(`links.${e.link}`)} <code className="ml-1 font-mono text-[11px] text-slate-500">{e.source}</code>
                </div>
                <div className="mt-0.5 font-mono text-[11px] text-slate-500">{t(`reads.${e.link}`)}</div>
              </TD>
              <TD className="whitespace-nowrap">
                {e.inUse ? <Badge tone="success" dot>{t("inUse")}</Badge> : e.configured ? <Badge tone="info">{t("configured")}</Badge> : <Badge tone="neutral">{t("notConfigured")}</Badge>}
              </TD>
            </TR>
          ))}
        </tbody>
      </Table>
    </Panel>
  );
}
