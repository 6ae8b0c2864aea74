"use client";

import { useState, type FormEvent, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { checkNewUser, type UserField } from "@/lib/auth/user-rules";
import { sendUserChange } from "./api";
import { problemsFromServer, type FieldProblem } from "./field-errors";

const input = "block w-full rounded border border-slate-300 px-2 py-1 text-sm focus:outline-2 focus:outline-blue-600 aria-[invalid=true]:border-red-500";
const FIELDS = ["username", "displayName", "role", "ramUserName", "password"] as const;
type Field = (typeof FIELDS)[number];

// Creates a console user. The rules the page can check are checked before sending and said in
// its own words; what only the server can judge (a guessable password, a taken username, a RAM
// user the account lacks) comes back from it and is shown beside the field.
export function CreateUserForm() {
  const t = useTranslations("users");
  const roles = useTranslations("auth.roles");
  const router = useRouter();
  const [errors, setErrors] = useState<Partial<Record<Field | "_", FieldProblem>>>({});
  const [done, setDone] = useState<string>();
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formEl = event.currentTarget;
    const body = Object.fromEntries(FIELDS.map((f) => [f, String(new FormData(formEl).get(f) ?? "")])) as Record<Field, string>;
    const local = Object.entries(checkNewUser(body)).map(([f, rule]) => [f, { rule }]);
    setDone(undefined);
    if (local.length > 0) return setErrors(Object.fromEntries(local));
    setPending(true);
    const err = await sendUserChange("/api/auth/users", "POST", body);
    setPending(false);
    if (err) return setErrors(problemsFromServer(err));
    setErrors({});
    setDone(t("create.created", { username: body.username }));
    formEl.reset();
    router.refresh();
  }

  const says = (name: UserField, label: string, p: FieldProblem) =>
    "server" in p ? t("errors.field", { field: label, message: p.server }) : t(`rules.${name}.${p.rule}` as Parameters<typeof t>[0]);
  const field = (name: Field, label: string, control: ReactNode, hint?: string) => {
    const problem = errors[name];
    return (
      <div className="space-y-1">
        <label htmlFor={`new-${name}`} className="block text-xs font-medium text-slate-700">{label}</label>
        {control}
        {problem && name !== "role" ? (
          <p id={`new-${name}-error`} className="text-xs text-red-700">{says(name, label, problem)}</p>
        ) : hint ? <p className="text-xs text-slate-500">{hint}</p> : null}
      </div>
    );
  };
  const aria = (name: Field) => ({ id: `new-${name}`, name, "aria-invalid": Boolean(errors[name]), "aria-describedby": errors[name] ? `new-${name}-error` : undefined });
  const general = errors._ && "server" in errors._ ? errors._.server : undefined;

  return (
    <form onSubmit={onSubmit} className="grid gap-3" noValidate aria-label={t("create.title")}>
      {general && <p role="alert" className="text-sm text-red-700">{general}</p>}
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
