"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import type { Role } from "@/lib/auth/permissions";
import { sendUserChange } from "./api";

interface Row {
  id: string;
  username: string;
  role: Role;
  disabled: boolean;
  ramUserName?: string;
}

// Disable/enable, role change and RAM link for one user; each is a PATCH the server audits.
export function UserRowActions({ user, self }: { user: Row; self: boolean }) {
  const t = useTranslations("users");
  const router = useRouter();
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);
  const [editingRam, setEditingRam] = useState(false);
  const [ram, setRam] = useState(user.ramUserName ?? "");

  async function change(body: Record<string, unknown>) {
    setPending(true);
    const err = await sendUserChange(`/api/auth/users/${encodeURIComponent(user.id)}`, "PATCH", body);
    setPending(false);
    if (err) return setError(t("errors.generic", { message: err.fields ? Object.values(err.fields).join("; ") : err.message }));
    setError(undefined);
    setEditingRam(false);
    router.refresh();
  }

  if (editingRam) {
    const id = `ram-${user.id}`;
    return (
      <form className="flex flex-wrap items-center gap-1.5" onSubmit={(e) => (e.preventDefault(), change({ ramUserName: ram.trim() || null }))}>
        <label htmlFor={id} className="sr-only">{t("ramDialog.label", { username: user.username })}</label>
        <input id={id} value={ram} onChange={(e) => setRam(e.target.value)} autoFocus placeholder={t("ramDialog.hint")}
          className="w-36 rounded border border-slate-300 px-2 py-1 text-xs focus:outline-2 focus:outline-blue-600" />
        <Button type="submit" size="sm" variant="primary" disabled={pending}>{t("actions.save")}</Button>
        <Button size="sm" variant="ghost" onClick={() => setEditingRam(false)}>{t("actions.cancel")}</Button>
        {error && <p role="alert" className="w-full text-xs text-red-700">{error}</p>}
      </form>
    );
  }

  return (
    <div className="flex flex-wrap items-center gap-1.5 xl:flex-nowrap">
      {!self && (
        <Button size="sm" disabled={pending} onClick={() => change({ role: user.role === "admin" ? "engineer" : "admin" })}>
          {user.role === "admin" ? t("actions.makeEngineer") : t("actions.makeAdmin")}
        </Button>
      )}
      <Button size="sm" disabled={pending} onClick={() => setEditingRam(true)}>{t("actions.linkRam")}</Button>
      {!self && (
        <Button size="sm" disabled={pending} onClick={() => change({ disabled: !user.disabled })}>
          {user.disabled ? t("actions.enable") : t("actions.disable")}
        </Button>
      )}
      {error && <p role="alert" className="w-full text-xs text-red-700">{error}</p>}
    </div>
  );
}
