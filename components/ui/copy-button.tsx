"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";

/** Copies `value` to the clipboard; `label` names what is copied for screen readers ("Copy ARN"). */
export function CopyButton({ value, label, className = "" }: { value: string; label: string; className?: string }) {
  const t = useTranslations("common");
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
      setTimeout(() => setCopied(false), 1500);
    } catch {
      setCopied(false);
    }
  };
  return (
    <button
      type="button"
      onClick={copy}
      aria-label={label}
      data-copy-button
      className={`rounded bg-white px-1.5 py-0.5 text-xs text-blue-700 ring-1 ring-inset ring-slate-300 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-blue-600 ${className}`}
    >
      <span aria-live="polite">{copied ? t("copied") : t("copy")}</span>
    </button>
  );
}
