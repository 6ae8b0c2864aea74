"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { MenuItem, RowMenu } from "@/components/ui/row-menu";
import type { Role } from "@/lib/auth/permissions";
import { sendUserChange } from "./api";

interface Row {
  id: string;
  username: string;
  role: Role;
  disabled: boolean;
  ramUserName?: string;
}

// Role change, RAM link and disable/enable for one user, in the row's menu; each is a PATCH the server audits.
export function UserRowActions({ user, self }: { user: Row; self: boolean }) {
  const t = useTranslations("users");
  const router = useRouter();
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);
  const [editingRam, setEditingRam] = useState(false);
  const [ram, setRam] = useState(user.ramUserName ?? "");

  async function change(body: Record<string, unknown>, close: () => void) {
    setPending(true);
    const err = await sendUserChange(`/api/auth/users/${encodeURIComponent(user.id)}`, "PATCH", body);
    setPending(false);
    if (err) return setError(t("errors.generic", { message: err.fields ? Object.values(err.fields).join("; ") : err.message }));
    setError(undefined);
    setEditingRam(false);
    close();
    router.refresh();
  }

  return (
    <div className="flex flex-col items-start gap-1">
      <RowMenu label={t("actions.menu", { username: user.username })} text={t("columns.actions")} disabled={pending} onClose={() => setEditingRam(false)}>
        {(close) =>
          editingRam ? (
            <form
              className="flex flex-col gap-1.5 p-1.5"
              onSubmit={(e) => (e.preventDefault(), change({ ramUserName: ram.trim() || null }, close))}
            >
              <label htmlFor={`ram-${user.id}`} className="text-xs font-medium text-slate-700">{t("ramDialog.label", { username: user.username })}</label>
              <input id={`ram-${user.id}`} autoFocus value={ram} onChange={(e) => setRam(e.target.value)} placeholder={t("ramDialog.hint")}
                className="w-56 rounded border border-slate-300 px-2 py-1 text-xs focus:outline-2 focus:outline-blue-600" />
              <div className="flex gap-1.5">
                <Button type="submit" size="sm" variant="primary" disabled={pending}>{t("actions.save")}</Button>
                <Button size="sm" variant="ghost" onClick={() => setEditingRam(false)}>{t("actions.cancel")}</Button>
              </div>
            </form>
          ) : (
            <div role="menu" aria-label={t("actions.menu", { username: user.username })}>
              {!self && (
                <MenuItem disabled={pending} onSelect={() => change({ role: user.role === "admin" ? "engineer" : "admin" }, close)}>
                  {user.role === "admin" ? t("actions.makeEngineer") : t("actions.makeAdmin")}
                </MenuItem>
              )}
              <MenuItem disabled={pending} onSelect={() => setEditingRam(true)}>{t("actions.linkRam")}</MenuItem>
              {!self && (
                <MenuItem disabled={pending} onSelect={() => change({ disabled: !user.disabled }, close)}>
                  {user.disabled ? t("actions.enable") : t("actions.disable")}
                </MenuItem>
              )}
            </div>
          )
        }
      </RowMenu>
      {error && <p role="alert" className="max-w-56 whitespace-normal text-xs text-red-700">{error}</p>}
    </div>
  );
}
