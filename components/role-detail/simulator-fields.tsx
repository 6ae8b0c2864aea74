"use client";

import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import type { SimulationError, SimulationField, SimulationInput } from "@/lib/policy-view/simulation";

const inputClass =
  "w-full rounded border border-slate-300 bg-white px-2 py-1 font-mono text-xs text-slate-900 focus-visible:outline-2 focus-visible:outline-blue-600 aria-[invalid=true]:border-red-600";

const LABEL_KEYS = {
  action: "action",
  resource: "resource",
  ip: "sourceIp",
  time: "currentTime",
  secure: "secureTransport",
  mfa: "mfaPresent",
  ctx: "custom",
} as const satisfies Record<SimulationField, string>;

function Field({ field, label, hint, error, children }: { field: SimulationField; label: string; hint?: string; error?: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <label htmlFor={`sim-${field}`} className="mb-0.5 block text-xs font-medium text-slate-700">
        {label}
      </label>
      {children}
      {hint && <p id={`sim-${field}-hint`} className="mt-0.5 text-[11px] text-slate-500">{hint}</p>}
      {error && <p id={`sim-${field}-error`} className="mt-0.5 text-xs text-red-700">{error}</p>}
    </div>
  );
}

export function SimulatorFields({ input, errors, onChange }: { input: SimulationInput; errors: SimulationError[]; onChange: (field: SimulationField, value: string) => void }) {
  const t = useTranslations("policy.simulator");
  const label = (f: SimulationField) => t(LABEL_KEYS[f]);
  const message = (e: SimulationError) => t(`errors.${e.rule}`, { field: label(e.field), line: e.line ?? 0, max: e.max ?? 0 });
  const errorOf = (f: SimulationField) => {
    const e = errors.find((x) => x.field === f);
    return e ? message(e) : undefined;
  };
  const a11y = (f: SimulationField, hint: boolean) => ({
    id: `sim-${f}`,
    name: f,
    "aria-invalid": errorOf(f) ? true : undefined,
    "aria-describedby": [hint ? `sim-${f}-hint` : "", errorOf(f) ? `sim-${f}-error` : ""].filter(Boolean).join(" ") || undefined,
  });
  const text = (f: SimulationField, hint?: string, placeholder?: string) => (
    <Field field={f} label={label(f)} hint={hint} error={errorOf(f)}>
      <input type="text" className={inputClass} value={input[f] ?? ""} placeholder={placeholder} spellCheck={false} autoComplete="off" onChange={(e) => onChange(f, e.target.value)} {...a11y(f, !!hint)} />
    </Field>
  );
  const flag = (f: "secure" | "mfa") => (
    <Field field={f} label={label(f)} error={errorOf(f)}>
      <select className={inputClass} value={input[f] ?? ""} onChange={(e) => onChange(f, e.target.value)} {...a11y(f, false)}>
        <option value="">{t("unset")}</option>
        <option value="true">{t("true")}</option>
        <option value="false">{t("false")}</option>
      </select>
    </Field>
  );

  return (
    <>
      {errors.length > 0 && (
        <div role="alert" className="rounded border border-red-200 bg-red-50 px-3 py-2 text-xs text-red-900">
          <p className="font-medium">{t("errors.summary", { count: errors.length })}</p>
          <ul className="mt-1 list-disc pl-4">
            {errors.map((e) => (
              <li key={e.field}>
                <a href={`#sim-${e.field}`} className="underline">{message(e)}</a>
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="grid gap-3 sm:grid-cols-2">
        {text("action", t("actionHint"), "oss:GetObject")}
        {text("resource", t("resourceHint"), "acs:oss:*:*:bucket/key")}
      </div>
      <fieldset className="rounded border border-slate-200 px-3 pb-3 pt-1">
        <legend className="px-1 text-xs font-medium text-slate-600">{t("context")}</legend>
        <div className="grid gap-3 sm:grid-cols-2 xl:grid-cols-4">
          {text("ip", undefined, "10.0.0.1")}
          {text("time", t("currentTimeHint"))}
          {flag("secure")}
          {flag("mfa")}
        </div>
        <div className="mt-3">
          <Field field="ctx" label={label("ctx")} hint={t("customHint")} error={errorOf("ctx")}>
            <textarea rows={2} className={inputClass} value={input.ctx ?? ""} spellCheck={false} onChange={(e) => onChange("ctx", e.target.value)} {...a11y("ctx", true)} />
          </Field>
        </div>
      </fieldset>
    </>
  );
}
