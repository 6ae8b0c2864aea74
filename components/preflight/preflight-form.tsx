"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import type { PreflightAnswer } from "@/lib/preflight/run";
import type { ServiceSource } from "@/lib/preflight/service-source";
import { Button } from "@/components/ui/button";
import { Panel } from "@/components/ui/panel";
import { ApiErrorNotice } from "@/components/wizard/api-error-notice";
import { inputClass } from "@/components/wizard/field";
import { Notice } from "@/components/wizard/notice";
import { ApiRequestError, postJson } from "@/components/wizard/post-json";
import { RULE_PATTERNS } from "@/lib/wizard/rules";
import { FindingsList } from "./findings-list";

interface Props {
  regions: string[];
  services: { region: string; name: string }[];
  /** The account's RAM users, offered as deployers; any other name may be typed. */
  users: string[];
  linkedRamUser: string | null;
  picked: string;
  source?: ServiceSource;
  missing: boolean;
}

// The preflight form: a pasted config, or a deployed service's, checked by POST /api/preflight.
export function PreflightForm({ regions, services, users, linkedRamUser, picked, source, missing }: Props) {
  const t = useTranslations("preflight.form");
  const router = useRouter();
  const [config, setConfig] = useState(source?.config ?? "");
  const [region, setRegion] = useState(source?.region ?? regions[0] ?? "");
  const [deployer, setDeployer] = useState(source?.deployer ?? "");
  const check = useMutation({
    mutationFn: (input: { config: string; region: string; deployer?: string }) => postJson<PreflightAnswer>("/api/preflight", input),
  });
  const typed = deployer.trim();
  const deployerBadForm = typed !== "" && !RULE_PATTERNS.userName.test(typed);
  // The account holds no such user: said beside the field, in words, not as the call's raw error.
  const deployerUnknown = check.error instanceof ApiRequestError && check.error.error.fields?.deployer !== undefined ? check.variables?.deployer : undefined;
  const deployerError = deployerBadForm ? t("deployerInvalid") : deployerUnknown ? t("deployerUnknown", { user: deployerUnknown }) : undefined;
  const run = () => check.mutate({ config, region, ...(typed ? { deployer: typed } : {}) });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (deployerBadForm) return document.getElementById("pf-deployer")?.focus();
    run();
  };
  // A picked service is checked at once: its config is what is deployed now.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => void (source && run()), []);

  return (
    <div className="grid grid-cols-[minmax(0,1fr)_minmax(0,1fr)] gap-4">
      <Panel title={t("inputTitle")}>
        <form onSubmit={onSubmit} className="space-y-3" aria-label={t("inputTitle")}>
          <div className="space-y-1">
            <label htmlFor="pf-service" className="block text-xs font-medium text-slate-700">{t("service")}</label>
            <select id="pf-service" value={picked} onChange={(e) => router.push(e.target.value ? `/preflight?service=${encodeURIComponent(e.target.value)}` : "/preflight")} className={inputClass}>
              <option value="">{t("paste")}</option>
              {services.map((s) => (
                <option key={`${s.region}/${s.name}`} value={`${s.region}/${s.name}`}>{`${s.name} (${s.region})`}</option>
              ))}
            </select>
          </div>
          {missing && <Notice tone="warning" title={t("serviceMissing", { service: picked })} />}
          <div className="space-y-1">
            <label htmlFor="pf-config" className="block text-xs font-medium text-slate-700">{t("config")}</label>
            <textarea id="pf-config" value={config} onChange={(e) => setConfig(e.target.value)} rows={18} spellCheck={false} placeholder={t("configPlaceholder")} className={`${inputClass} font-mono text-xs`} />
          </div>
          <div className="grid grid-cols-2 gap-3">
            <div className="space-y-1">
              <label htmlFor="pf-region" className="block text-xs font-medium text-slate-700">{t("region")}</label>
              <select id="pf-region" value={region} onChange={(e) => setRegion(e.target.value)} className={inputClass}>
                {regions.map((r) => (
                  <option key={r} value={r}>{r}</option>
                ))}
              </select>
            </div>
            <div className="space-y-1">
              <label htmlFor="pf-deployer" className="block text-xs font-medium text-slate-700">{t("deployer")}</label>
              <input
                id="pf-deployer"
                list="pf-deployers"
                value={deployer}
                onChange={(e) => setDeployer(e.target.value)}
                placeholder={t("deployerPlaceholder")}
                aria-invalid={deployerError !== undefined}
                aria-describedby={deployerError ? "pf-deployer-error" : "pf-deployer-hint"}
                className={inputClass}
              />
              <datalist id="pf-deployers">
                {users.map((u) => (
                  <option key={u} value={u}>{u === linkedRamUser ? t("deployerYou", { user: u }) : u}</option>
                ))}
              </datalist>
              {deployerError ? (
                <p id="pf-deployer-error" className="text-xs text-red-700" data-testid="deployer-error">{deployerError}</p>
              ) : (
                <p id="pf-deployer-hint" className="text-xs text-slate-500">{t("deployerHint", { count: users.length })}</p>
              )}
            </div>
          </div>
          <Button type="submit" variant="primary" disabled={check.isPending}>{t("check")}</Button>
        </form>
      </Panel>
      <Panel title={t("resultTitle")}>
        {check.isError && deployerUnknown ? (
          <Notice tone="danger" title={t("deployerUnknown", { user: deployerUnknown })} />
        ) : check.isError ? (
          <ApiErrorNotice error={check.error} />
        ) : check.data ? (
          <div className="space-y-3">
            <p className="text-xs text-slate-600">{t("summary", { method: check.data.method, arn: check.data.roleArn ?? "—" })}</p>
            <FindingsList findings={check.data.findings} />
          </div>
        ) : (
          <p className="text-sm text-slate-600">{t(check.isPending ? "checking" : "idle")}</p>
        )}
      </Panel>
    </div>
  );
}
