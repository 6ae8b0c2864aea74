"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { MenuItem, RowMenu } from "@/components/ui/row-menu";
import type { Role } from "@/lib/permissions";
import { checkRamUserName } from "@/lib/auth/user-rules";
import { sendUserChange } from "./api";
import { problemsFromServer } from "./field-errors";

interface Row {
  id: string;
  username: string;
  role: Role;
  disabled: boolean;
  ramUserName?: string;
}

type View = "menu" | "ram" | "disable";

// Role change, RAM link and disable/enable for one user, in the row's menu; each is a PATCH the
// server audits. Disabling signs the person out at once, so the menu asks first.
export function UserRowActions({ user, self }: { user: Row; self: boolean }) {
  const t = useTranslations("users");
  const router = useRouter();
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);
  const [view, setView] = useState<View>("menu");
  const [ram, setRam] = useState(user.ramUserName ?? "");

  async function change(body: Record<string, unknown>, close: () => void) {
    setPending(true);
    const err = await sendUserChange(`/api/auth/users/${encodeURIComponent(user.id)}`, "PATCH", body);
    setPending(false);
    if (err) {
      const link = problemsFromServer(err).ramUserName;
      const message = link && "rule" in link ? t("rules.ramUserName.missing") : err.fields ? Object.entries(err.fields).map(([f, r]) => `${f} ${r}`).join("; ") : err.message;
      return setError(t("errors.generic", { message }));
    }
    setError(undefined);
    setView("menu");
    close();
    router.refresh();
  }

  function saveRam(close: () => void) {
    if (checkRamUserName(ram)) return setError(t("errors.generic", { message: t("rules.ramUserName.format") }));
    return change({ ramUserName: ram.trim() || null }, close);
  }

  return (
    <div className="flex flex-col items-start gap-1">
      <RowMenu label={t("actions.menu", { username: user.username })} text={t("columns.actions")} disabled={pending} onClose={() => setView("menu")}>
        {(close) =>
          view === "ram" ? (
            <form className="flex flex-col gap-1.5 p-1.5" onSubmit={(e) => (e.preventDefault(), saveRam(close))}>
              <label htmlFor={`ram-${user.id}`} className="text-xs font-medium text-slate-700">{t("ramDialog.label", { username: user.username })}</label>
              <input id={`ram-${user.id}`} autoFocus value={ram} onChange={(e) => setRam(e.target.value)} placeholder={t("ramDialog.hint")}
                className="w-56 rounded border border-slate-300 px-2 py-1 text-xs focus:outline-2 focus:outline-blue-600" />
              <div className="flex gap-1.5">
                <Button type="submit" size="sm" variant="primary" disabled={pending}>{t("actions.save")}</Button>
                <Button size="sm" variant="ghost" onClick={() => setView("menu")}>{t("actions.cancel")}</Button>
              </div>
            </form>
          ) : view === "disable" ? (
            <div role="alertdialog" aria-labelledby={`disable-${user.id}`} className="flex w-64 flex-col gap-1.5 p-1.5">
              <p id={`disable-${user.id}`} className="text-sm font-medium text-slate-900">{t("confirmDisable.title", { username: user.username })}</p>
              <p className="whitespace-normal text-xs text-slate-600">{t("confirmDisable.body")}</p>
              <div className="flex gap-1.5">
                <Button size="sm" variant="danger" autoFocus disabled={pending} onClick={() => change({ disabled: true }, close)}>{t("confirmDisable.confirm")}</Button>
                <Button size="sm" variant="ghost" onClick={close}>{t("actions.cancel")}</Button>
              </div>
            </div>
          ) : (
            <div role="menu" aria-label={t("actions.menu", { username: user.username })}>
              {!self && (
                <MenuItem disabled={pending} onSelect={() => change({ role: user.role === "admin" ? "engineer" : "admin" }, close)}>
                  {user.role === "admin" ? t("actions.makeEngineer") : t("actions.makeAdmin")}
                </MenuItem>
              )}
              <MenuItem disabled={pending} onSelect={() => setView("ram")}>{t("actions.linkRam")}</MenuItem>
              {!self && (
                <MenuItem disabled={pending} onSelect={() => (user.disabled ? change({ disabled: false }, close) : setView("disable"))}>
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
