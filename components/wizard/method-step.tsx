"use client";

import { useTranslations } from "next-intl";
import { recommendMethod } from "@/lib/wizard/recommend";
import type { Needs } from "@/lib/wizard/needs";
import { Badge } from "@/components/ui/badge";
import { Notice } from "./notice";

interface Props {
  needs: Needs;
  method: 1 | 2;
  defaultRole: { name: string; exists: boolean };
  onChoose(method: 1 | 2): void;
}

// Step 2: Method 1 (the PAI default role) or Method 2 (a custom role), recommended from the needs, with the reasons.
export function MethodStep({ needs, method, defaultRole, onChoose }: Props) {
  const t = useTranslations("wizard.method");
  const rec = recommendMethod(needs);
  const card = (m: 1 | 2) => (
    <label
      className={`flex cursor-pointer flex-col gap-1.5 rounded border bg-white p-4 text-sm ${method === m ? "border-blue-600 ring-1 ring-blue-600" : "border-slate-200 hover:border-slate-300"}`}
    >
      <span className="flex items-center gap-2">
        <input type="radio" name="method" value={m} checked={method === m} onChange={() => onChoose(m)} />
        <span className="font-semibold text-slate-900">{t(m === 1 ? "method1" : "method2")}</span>
        {rec.method === m && <Badge tone="info">{t("recommended")}</Badge>}
      </span>
      <span className="text-slate-600">{t(m === 1 ? "method1Text" : "method2Text")}</span>
    </label>
  );
  return (
    <div className="space-y-4">
      <Notice tone="info" title={t(rec.method === 1 ? "recommend1" : "recommend2")} testId="recommendation">
        <ul className="list-disc space-y-0.5 pl-5">
          {rec.reasons.map((r) => (
            <li key={r}>{t(`reason.${r}`)}</li>
          ))}
        </ul>
      </Notice>
      {method === 1 && !defaultRole.exists && (
        <Notice tone="danger" title={t("defaultRoleMissing", { name: defaultRole.name })}>{t("defaultRoleMissingFix")}</Notice>
      )}
      <div role="radiogroup" aria-label={t("choose")} className="grid grid-cols-2 gap-3">
        {card(1)}
        {card(2)}
      </div>
      {method === 1 && rec.method === 2 && <Notice tone="warning" title={t("overrideWarning")}>{t("overrideWarningText")}</Notice>}
    </div>
  );
}
