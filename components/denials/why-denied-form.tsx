"use client";

import { useMutation } from "@tanstack/react-query";
import { useEffect, useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import type { WhyDenied } from "@/lib/denials/why-denied";
import type { PlanOutcome } from "@/lib/writes/run-plan";
import { ApiErrorState } from "@/components/ui/api-error-state";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { DescriptionList } from "@/components/ui/description-list";
import { JsonView } from "@/components/ui/json-view";
import { Panel } from "@/components/ui/panel";
import { sendJson } from "@/components/ui/fetch-json";
import { inputClass } from "@/components/wizard/field";

// Paste a refusal, read why RAM refused it and the smallest fix; an admin may apply a grant after
// its preview, an engineer shares the page's address (it carries the message).
export function WhyDeniedForm({ initial, canApply }: { initial: string; canApply: boolean }) {
  const t = useTranslations("denials");
  const [text, setText] = useState(initial);
  const explain = useMutation({ mutationFn: (input: { text: string }) => sendJson<WhyDenied>("/api/why-denied", "POST", input) });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    explain.mutate({ text });
  };
  // A shared link explains itself at once.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => void (initial && explain.mutate({ text: initial })), []);

  return (
    <div className="space-y-4">
      <Panel title={t("input.label")}>
        <form onSubmit={onSubmit} className="space-y-3" aria-label={t("title")}>
          <label htmlFor="wd-text" className="sr-only">{t("input.label")}</label>
          <textarea id="wd-text" name="text" value={text} onChange={(e) => setText(e.target.value)} rows={5} spellCheck={false} placeholder={t("input.placeholder")} className={`${inputClass} font-mono text-xs`} />
          <Button type="submit" variant="primary" disabled={explain.isPending}>{explain.isPending ? t("input.busy") : t("input.submit")}</Button>
        </form>
      </Panel>
      {explain.isError && <ApiErrorState title={t("title")} error={explain.error} />}
      {explain.data && <Answer answer={explain.data} text={text} canApply={canApply} />}
    </div>
  );
}

function Answer({ answer, text, canApply }: { answer: WhyDenied; text: string; canApply: boolean }) {
  const t = useTranslations("denials");
  const d = answer.decoded;
  const e = answer.explanation;
  const share = typeof window === "undefined" ? answer.share : `${window.location.origin}${answer.share}`;
  return (
    <div className="grid grid-cols-[minmax(0,3fr)_minmax(0,2fr)] gap-4">
      <div className="min-w-0 space-y-4">
        <Panel title={t("result.explanation")}>
          <p data-testid="why-denied-explanation" className="text-sm text-slate-900">{e.text}</p>
        </Panel>
        <Panel title={t("result.fix")}>
          <div data-testid="why-denied-fix" data-kind={answer.fix.kind} className="space-y-3 text-sm text-slate-800">
            <p>{answer.fix.text}</p>
            <FixBody answer={answer} />
            {answer.fix.kind === "grant" && answer.fix.preview && (canApply ? <ApplyGrant answer={answer} text={text} /> : <p className="text-xs text-slate-600">{t("apply.engineer")}</p>)}
          </div>
        </Panel>
        <Panel title={t("result.share")}>
          <p className="text-xs text-slate-600">{t("result.shareHint")}</p>
          <div className="mt-2 flex items-center gap-2">
            <code data-testid="why-denied-share" className="min-w-0 flex-1 truncate rounded bg-slate-100 px-2 py-1 font-mono text-xs">{share}</code>
            <CopyButton value={share} label={t("result.copy")} />
          </div>
        </Panel>
      </div>
      <Panel title={t("result.decoded")}>
        <div data-testid="why-denied-decoded">
          <DescriptionList
            items={[
              { term: t("fields.action"), detail: <code className="font-mono text-xs">{d.authAction}</code> },
              { term: t("fields.resource"), detail: <code className="break-all font-mono text-xs">{d.authResource}</code> },
              { term: t("fields.principal"), detail: <code className="font-mono text-xs">{`${d.authPrincipal.authPrincipalType} ${d.authPrincipal.authPrincipalDisplayName}`}</code> },
              { term: t("fields.account"), detail: <code className="font-mono text-xs">{d.authPrincipal.authPrincipalOwnerId}</code> },
              { term: t("fields.policyType"), detail: <span><code className="font-mono text-xs">{d.noPermissionPolicyType}</code></span> },
              { term: t("fields.denyType"), detail: d.explicitDeny ? t("fields.explicit") : t("fields.implicit") },
              {
                term: t("fields.policies"),
                detail:
                  d.matchedPolicies.length === 0 ? (
                    t("fields.none")
                  ) : (
                    <ul className="space-y-1">
                      {d.matchedPolicies.map((m, i) => (
                        <li key={i} className="font-mono text-xs">
                          {e.policies[i]?.link ? <a href={e.policies[i].link} target="_blank" rel="noreferrer" className="text-blue-700 underline">{m.policyIdentifier}</a> : m.policyIdentifier}
                          {` · ${m.policyType}${m.policyVersion ? ` · ${m.policyVersion}` : ""}${m.effect ? ` · ${m.effect}` : ""} · ${m.attachedEntityType}`}
                        </li>
                      ))}
                    </ul>
                  ),
              },
              {
                term: t("fields.conditions"),
                detail:
                  d.authConditions.length === 0 ? t("fields.none") : (
                    <ul className="space-y-0.5">
                      {d.authConditions.map((c) => (
                        <li key={c.conditionKey} className="break-all font-mono text-xs">{`${c.conditionKey} = ${c.conditionValues.join(", ")}`}</li>
                      ))}
                    </ul>
                  ),
              },
            ]}
          />
        </div>
      </Panel>
    </div>
  );
}

function FixBody({ answer }: { answer: WhyDenied }) {
  const t = useTranslations("denials");
  const tc = useTranslations("common");
  const fix = answer.fix;
  if (fix.kind === "grant") return <JsonView json={JSON.stringify({ Version: "1", Statement: [fix.statement] }, null, 2)} label={fix.policyName} copyLabel={tc("copy")} />;
  if (fix.kind === "trust" || fix.kind === "session") return <JsonView json={JSON.stringify(fix.statement, null, 2)} label={t("result.fix")} copyLabel={tc("copy")} />;
  if (fix.kind === "explicit-deny") {
    return (
      <div className="space-y-3">
        {(fix.denying ?? []).map((p) => (
          <div key={p.policy} className="space-y-1">
            <p className="font-mono text-xs">{p.version ? `${p.policy} (${p.version})` : p.policy}</p>
            {p.unreadable ? <p className="text-xs text-amber-800">{t("fix.explicitDenyUnread", { code: p.unreadable })}</p> : <JsonView json={JSON.stringify(p.statements, null, 2)} label={p.policy} copyLabel={tc("copy")} />}
          </div>
        ))}
      </div>
    );
  }
  return null;
}

function ApplyGrant({ answer, text }: { answer: WhyDenied; text: string }) {
  const t = useTranslations("denials");
  const [previewing, setPreviewing] = useState(false);
  const preview = answer.fix.kind === "grant" ? answer.fix.preview : undefined;
  const apply = useMutation({ mutationFn: (token: string) => sendJson<PlanOutcome>("/api/why-denied/apply", "POST", { text, token }) });
  if (!preview) return null;
  if (apply.data?.ok) return <p data-testid="why-denied-applied" className="text-sm text-emerald-800">{t("apply.done", { ids: apply.data.requestIds.join(", ") })}</p>;
  return (
    <div className="space-y-2" data-cloud-write>
      {!previewing ? (
        <Button onClick={() => setPreviewing(true)}>{t("apply.preview")}</Button>
      ) : (
        <div className="space-y-2 rounded border border-slate-200 p-3">
          <p className="font-medium">{preview.title}</p>
          <ol className="list-decimal space-y-2 pl-5">
            {preview.steps.map((s) => (
              <li key={s.id}>
                <code className="font-mono text-xs">{`${s.service} ${s.operation} ${s.target}`}</code>
                <pre className="mt-1 overflow-auto rounded bg-slate-50 p-2 font-mono text-xs">{JSON.stringify(s.params, null, 2)}</pre>
              </li>
            ))}
          </ol>
          <Button variant="primary" disabled={apply.isPending} onClick={() => apply.mutate(preview.token)}>{apply.isPending ? t("apply.applying") : t("apply.confirm")}</Button>
          {apply.isError && <ApiErrorState title={t("apply.failed")} error={apply.error} />}
        </div>
      )}
    </div>
  );
}
