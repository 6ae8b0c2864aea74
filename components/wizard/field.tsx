"use client";

import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import type { FieldIssue, RuleKey } from "@/lib/wizard/rules";

export const inputClass =
  "block w-full rounded border border-slate-300 bg-white px-2 py-1 text-sm focus:outline-2 focus:outline-blue-600 aria-[invalid=true]:border-red-500";

/** `oss[0].bucket` → `f-oss-0-bucket`: the id of the control that holds that field. */
export const fieldId = (field: string) => `f-${field.replace(/[[\].]+/g, "-").replace(/-$/, "")}`;

export const ruleOf = (issues: FieldIssue[], field: string): RuleKey | undefined => issues.find((i) => i.field === field)?.rule;

/** A labelled control; a broken rule is said in words naming the field, and tied to the control for screen readers. */
export function Field({ field, label, rule, hint, children, className = "" }: { field: string; label: string; rule?: RuleKey; hint?: ReactNode; children: ReactNode; className?: string }) {
  const t = useTranslations("wizard");
  const id = fieldId(field);
  return (
    <div className={`space-y-1 ${className}`}>
      <label htmlFor={id} className="block text-xs font-medium text-slate-700">
        {label}
      </label>
      {children}
      {rule ? (
        <p id={`${id}-error`} className="text-xs text-red-700">
          {t("fieldError", { field: label, rule: t(`rules.${rule}`) })}
        </p>
      ) : hint ? (
        <p className="text-xs text-slate-500">{hint}</p>
      ) : null}
    </div>
  );
}

/** The id, invalid state and description a control inside <Field> needs. */
export function controlProps(field: string, rule?: RuleKey) {
  const id = fieldId(field);
  return { id, "aria-invalid": rule !== undefined, "aria-describedby": rule ? `${id}-error` : undefined };
}
