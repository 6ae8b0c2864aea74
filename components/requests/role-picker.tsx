"use client";

import { useId, useMemo, useState } from "react";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { RoleChoice } from "@/lib/approvals/types";

const SHOWN = 40;

// A searchable list of roles as radio buttons: each shows whether EAS can assume it and which
// services run with it, the two facts an engineer checks before asking for it.
export function RolePicker({ roles, value, onChange, ramUser, error, initialQuery = "" }: { roles: RoleChoice[]; value: string; onChange: (name: string) => void; ramUser: string; error?: string; initialQuery?: string }) {
  const t = useTranslations("approvals.requests");
  // A role filled in from a link is searched for, so it shows however long the list.
  const [query, setQuery] = useState(initialQuery);
  const id = useId();
  const matches = useMemo(() => {
    const q = query.trim().toLowerCase();
    return q ? roles.filter((r) => r.name.toLowerCase().includes(q) || r.description.toLowerCase().includes(q)) : roles;
  }, [roles, query]);
  const shown = matches.slice(0, SHOWN);
  return (
    // A fieldset is as wide as its content by default (min-inline-size: min-content): min-w-0 keeps the list inside its card.
    <fieldset className="min-w-0 space-y-1.5" aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="mb-1 block text-xs font-medium text-slate-700">{t("role")}</legend>
      <input
        type="search"
        aria-label={t("roleSearch")}
        placeholder={t("roleSearch")}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        className="block w-full rounded border border-slate-300 px-2 py-1 text-sm focus:outline-2 focus:outline-blue-600"
      />
      <div className="max-h-64 overflow-y-auto rounded border border-slate-200 bg-white" role="radiogroup" aria-label={t("role")}>
        {shown.length === 0 && <p className="px-3 py-2 text-sm text-slate-600">{t("roleNone", { query })}</p>}
        {shown.map((r) => (
          <label key={r.name} className={`flex cursor-pointer items-start gap-2 border-b border-slate-100 px-3 py-1.5 last:border-0 hover:bg-slate-50 ${value === r.name ? "bg-blue-50" : ""}`}>
            <input type="radio" name="roleName" value={r.name} checked={value === r.name} onChange={() => onChange(r.name)} className="mt-1" aria-label={r.name} />
            <span className="min-w-0 flex-1">
              <span className="flex flex-wrap items-center gap-2">
                <span className="break-all font-mono text-sm text-slate-900">{r.name}</span>
                <Badge tone={r.easCanAssume ? "success" : "danger"}>{r.easCanAssume ? t("easYes") : t("easNo")}</Badge>
                {ramUser && r.passable[ramUser] && (
                  <span className="basis-full text-xs text-sky-800" data-testid={`passable-${r.name}`}>{t(`passable.${r.passable[ramUser]}`, { user: ramUser })}</span>
                )}
              </span>
              <span className="block truncate text-xs text-slate-600">
                {t("services", { count: r.services.length, names: r.services.map((s) => s.name).join(", ") })}
              </span>
            </span>
          </label>
        ))}
        {matches.length > SHOWN && <p className="px-3 py-1.5 text-xs text-slate-500">{t("roleMore", { count: matches.length - SHOWN })}</p>}
      </div>
      {error && <p id={`${id}-error`} className="text-xs text-red-700">{error}</p>}
    </fieldset>
  );
}
