import { getTranslations } from "next-intl/server";
import { JsonView } from "@/components/ui/json-view";
import { Panel } from "@/components/ui/panel";

/** The RAM policy the console's identity needs in the mode it runs in, and the command that prints it. */
export async function ConsolePolicyPanel({ readOnly, policyJson }: { readOnly: boolean; policyJson: string }) {
  const t = await getTranslations("settings.credentials.policy");
  const command = `npm run console-policy -- --mode ${readOnly ? "read-only" : "full"}`;
  return (
    <Panel title={t("title")} id="policy">
      <p className="mb-2 text-sm text-slate-700">{readOnly ? t("readOnly") : t("full")}</p>
      <p className="mb-3 text-xs text-slate-500">
        {t("command")} <code className="rounded bg-slate-100 px-1 font-mono">{command}</code>
      </p>
      <JsonView json={policyJson} label={t("label")} copyLabel={t("copy")} />
    </Panel>
  );
}
