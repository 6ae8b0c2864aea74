"use client";

import { useTranslations } from "next-intl";
import { credentialSnippets } from "@/lib/wizard/credentials";
import { maxcomputeEndpoint, ossEndpoint, type Network } from "@/lib/wizard/endpoints";
import { runCommand, thirdPartyLibraries } from "@/lib/wizard/libraries";
import type { Needs } from "@/lib/wizard/needs";
import { pythonSnippet } from "@/lib/wizard/python";
import type { SnippetComments } from "@/lib/wizard/snippet-comments";
import { Panel } from "@/components/ui/panel";
import { Notice } from "./notice";
import { Snippet } from "./snippet";

/** Internal (VPC) or public endpoints; a public one gets the warning and its fix. */
export function NetworkChoice({ needs, network, onChange }: { needs: Needs; network: Network; onChange(n: Network): void }) {
  const t = useTranslations("wizard.outputs");
  if (needs.oss.length === 0 && !needs.maxcompute) return null;
  return (
    <div className="space-y-2">
      <fieldset className="flex flex-wrap items-center gap-4 text-sm">
        <legend className="mb-1 text-xs font-medium text-slate-700">{t("network")}</legend>
        {(["internal", "public"] as const).map((n) => (
          <label key={n} className="flex items-center gap-1.5">
            <input type="radio" name="network" value={n} checked={network === n} onChange={() => onChange(n)} />
            {t(n === "internal" ? "networkInternal" : "networkPublic")}
          </label>
        ))}
      </fieldset>
      <ul className="space-y-0.5 text-xs text-slate-600">
        {needs.oss.length > 0 && <li>{t("endpointOss", { endpoint: ossEndpoint(needs.region, network) })}</li>}
        {needs.maxcompute && <li>{t("endpointMc", { endpoint: maxcomputeEndpoint(needs.region, network) })}</li>}
      </ul>
      {network === "public" && (
        <Notice tone="warning" title={t("publicWarning")} testId="public-endpoint-warning">
          {t("publicFix")}
        </Notice>
      )}
    </div>
  );
}

const mountedAt = (needs: Needs, path: string) => needs.mounts.some((m) => m.mountPath && path.startsWith(`${m.mountPath.replace(/\/+$/, "")}/`));

/** What the code needs besides the config: libraries, run command, Python, and its three ways to get credentials. */
export function CodeOutputs({ needs, network, codePath }: { needs: Needs; network: Network; codePath: string }) {
  const t = useTranslations("wizard.outputs");
  const comments: SnippetComments = {
    oss: t("comments.oss"),
    ossWrite: t("comments.ossWrite"),
    maxcompute: t("comments.maxcompute"),
    provider: t("comments.provider"),
    tool: t("comments.tool"),
    uri: t("comments.uri"),
    file: t("comments.file"),
  };
  const python = pythonSnippet(needs, network, comments);
  return (
    <>
      <Panel title={t("codeTitle")}>
        <div className="space-y-4">
          <Snippet title={t("libraries")} value={thirdPartyLibraries(needs).join(" ")} note={t("librariesNote")} testId="libraries" />
          <Snippet title={t("runCommand")} value={runCommand(codePath)} note={t(mountedAt(needs, codePath) ? "runCommandNoteMounted" : "runCommandNoteImage", { dir: codePath.replace(/[^/]+$/, ""), path: codePath })} testId="run-command" />
          {python ? <Snippet title={t("python")} value={python} note={t("pythonNote")} testId="python" /> : <p className="text-sm text-slate-600">{t("noPython")}</p>}
        </div>
      </Panel>
      <Panel title={t("credentialsTitle")}>
        <div className="space-y-4">
          <p className="text-sm text-slate-600">{t("credentialsIntro")}</p>
          {credentialSnippets(comments).map((s) => (
            <Snippet key={s.way} title={t(`credentials.${s.way}`)} value={s.code} note={t(`credentialsNote.${s.way}`)} testId={`credentials-${s.way}`} />
          ))}
        </div>
      </Panel>
    </>
  );
}
