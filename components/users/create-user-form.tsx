"use client";

import { useState, type FormEvent, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { sendUserChange } from "./api";

const input = "block w-full rounded border border-slate-300 px-2 py-1 text-sm focus:outline-2 focus:outline-blue-600 aria-[invalid=true]:border-red-500";
const FIELDS = ["username", "displayName", "role", "ramUserName", "password"] as const;
type Field = (typeof FIELDS)[number];

// Creates a console user; field errors come back from the server's schema and are shown beside each field.
export function CreateUserForm() {
  const t = useTranslations("users");
  const roles = useTranslations("auth.roles");
  const router = useRouter();
  const [errors, setErrors] = useState<Partial<Record<Field | "_", string>>>({});
  const [done, setDone] = useState<string>();
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formEl = event.currentTarget;
    const body = Object.fromEntries(FIELDS.map((f) => [f, String(new FormData(formEl).get(f) ?? "")]));
    setPending(true);
    const err = await sendUserChange("/api/auth/users", "POST", body);
    setPending(false);
    if (err) {
      setDone(undefined);
      return setErrors(err.fields ? (err.fields as Partial<Record<Field, string>>) : { _: err.message });
    }
    setErrors({});
    setDone(t("create.created", { username: body.username }));
    formEl.reset();
    router.refresh();
  }

  const field = (name: Field, label: string, control: ReactNode, hint?: string) => (
    <div className="space-y-1">
      <label htmlFor={`new-${name}`} className="block text-xs font-medium text-slate-700">{label}</label>
      {control}
      {errors[name] ? (
        <p id={`new-${name}-error`} className="text-xs text-red-700">{t("errors.field", { field: label, message: errors[name] })}</p>
      ) : hint ? <p className="text-xs text-slate-500">{hint}</p> : null}
    </div>
  );
  const aria = (name: Field) => ({ id: `new-${name}`, name, "aria-invalid": Boolean(errors[name]), "aria-describedby": errors[name] ? `new-${name}-error` : undefined });

  return (
    <form onSubmit={onSubmit} className="grid gap-3" noValidate aria-label={t("create.title")}>
      {errors._ && <p role="alert" className="text-sm text-red-700">{errors._}</p>}
      {done && <p role="status" className="text-sm text-emerald-800">{done}</p>}
      {field("username", t("create.username"), <input {...aria("username")} autoComplete="off" className={input} />, t("create.usernameHint"))}
      {field("displayName", t("create.displayName"), <input {...aria("displayName")} className={input} />)}
      {field("role", t("create.role"), (
        <select {...aria("role")} defaultValue="engineer" className={input}>
          <option value="engineer">{roles("engineer")}</option>
          <option value="admin">{roles("admin")}</option>
        </select>
      ))}
      {field("ramUserName", t("create.ramUserName"), <input {...aria("ramUserName")} className={input} />)}
      {field("password", t("create.password"), <input {...aria("password")} type="password" autoComplete="new-password" className={input} />, t("create.passwordHint"))}
      <div><Button type="submit" variant="primary" disabled={pending}>{t("create.submit")}</Button></div>
    </form>
  );
}
