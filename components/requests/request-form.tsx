"use client";

import { useState, type FormEvent } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { ApiCallError, sendJson } from "@/components/ui/fetch-json";
import { GRANT_DURATIONS, type GrantDuration } from "@/lib/request-workflow";
import type { RequestFormData } from "@/lib/approvals/types";
import { RolePicker } from "./role-picker";
import { MY_REQUESTS_KEY } from "./my-requests";

const input = "block w-full rounded border border-slate-300 px-2 py-1 text-sm focus:outline-2 focus:outline-blue-600 aria-[invalid=true]:border-red-500";
type Field = "roleName" | "ramUser" | "reason" | "duration" | "_";

/** What a link to the form fills in, each value already checked against the account. */
export interface RequestPrefill {
  roleName?: string;
  ramUser?: string;
}

// Asks for ram:PassRole: the role, the RAM user (an engineer's own linked one; an admin's choice), why, and for how long.
export function RequestForm({ data, prefill = {} }: { data: RequestFormData; prefill?: RequestPrefill }) {
  const t = useTranslations("approvals.requests");
  const td = useTranslations("approvals.durations");
  const queries = useQueryClient();
  const [roleName, setRoleName] = useState(prefill.roleName ?? "");
  const [ramUser, setRamUser] = useState(prefill.ramUser ?? data.defaultRamUser ?? data.ramUsers[0] ?? "");
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [sent, setSent] = useState<string>();
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const reason = String(form.get("reason") ?? "").trim();
    const missing = { ...(!roleName ? { roleName: t("pickRole") } : {}), ...(!reason ? { reason: t("reasonRequired") } : {}) };
    if (Object.keys(missing).length > 0) return setErrors(missing);
    const body = { roleName, ramUser, reason, duration: String(form.get("duration") ?? "") as GrantDuration };
    setPending(true);
    try {
      await sendJson("/api/passrole-requests", "POST", body);
    } catch (err) {
      setSent(undefined);
      const fields = err instanceof ApiCallError ? err.fields : undefined;
      const labels: Record<string, string> = { roleName: t("role"), ramUser: t("ramUser"), reason: t("reason"), duration: t("duration") };
      return setErrors(fields ? Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, t("fieldError", { field: labels[k] ?? k, message: v })])) : { _: err instanceof Error ? err.message : String(err) });
    } finally {
      setPending(false);
    }
    setErrors({});
    setSent(t("sent", { role: roleName }));
    await queries.invalidateQueries({ queryKey: MY_REQUESTS_KEY });
  }

  const error = (f: Field) => (errors[f] ? <p id={`req-${f}-error`} className="text-xs text-red-700">{errors[f]}</p> : null);
  const aria = (f: Field) => ({ "aria-invalid": Boolean(errors[f]), "aria-describedby": errors[f] ? `req-${f}-error` : undefined });

  return (
    <form onSubmit={onSubmit} noValidate aria-label={t("formTitle")} className="space-y-3">
      {errors._ && <p role="alert" className="text-sm text-red-700">{errors._}</p>}
      {sent && <p role="status" className="rounded bg-emerald-50 px-2 py-1 text-sm text-emerald-800">{sent}</p>}
      <RolePicker roles={data.roles} value={roleName} onChange={setRoleName} ramUser={ramUser} error={errors.roleName} initialQuery={prefill.roleName} />
      <div className="space-y-1">
        <label htmlFor="req-ramUser" className="block text-xs font-medium text-slate-700">{t("ramUser")}</label>
        <select id="req-ramUser" name="ramUser" value={ramUser} onChange={(e) => setRamUser(e.target.value)} className={input} {...aria("ramUser")}>
          {data.ramUsers.map((u) => <option key={u} value={u}>{u}</option>)}
        </select>
        {error("ramUser") ?? <p className="text-xs text-slate-500">{data.ramUsers.length === 0 ? t("ramUserUnlinked") : data.defaultRamUser ? t("ramUserLinked", { name: data.defaultRamUser }) : t("ramUserNone")}</p>}
      </div>
      <div className="space-y-1">
        <label htmlFor="req-reason" className="block text-xs font-medium text-slate-700">{t("reason")}</label>
        <textarea id="req-reason" name="reason" rows={3} maxLength={500} className={input} {...aria("reason")} />
        {error("reason") ?? <p className="text-xs text-slate-500">{t("reasonHint")}</p>}
      </div>
      <fieldset className="space-y-1" {...aria("duration")}>
        <legend className="block text-xs font-medium text-slate-700">{t("duration")}</legend>
        <div className="flex flex-wrap gap-x-4 gap-y-1">
          {GRANT_DURATIONS.map((d) => (
            <label key={d} className="flex items-center gap-1.5 text-sm text-slate-800">
              <input type="radio" name="duration" value={d} defaultChecked={d === "7d"} />
              {td(d)}
            </label>
          ))}
        </div>
        {error("duration") ?? <p className="text-xs text-slate-500">{t("durationHint")}</p>}
      </fieldset>
      <Button type="submit" variant="primary" disabled={pending || data.ramUsers.length === 0}>{pending ? t("sending") : t("submit")}</Button>
    </form>
  );
}
