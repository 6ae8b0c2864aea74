"use client";

import { useRef, useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

type ErrorKey = "invalid" | "rate_limited" | "missing" | "network";
export interface DemoAccount {
  username: string;
  password: string;
  roleLabel: string;
}

const inputClasses =
  "block w-full rounded border border-slate-300 bg-white px-2.5 py-1.5 text-sm text-slate-900 focus:border-blue-600 focus:outline-2 focus:outline-offset-0 focus:outline-blue-600";

// Posts to /api/auth/login; without JavaScript the same form posts natively and the server redirects.
export function LoginForm({ next, initialError, demoAccounts }: { next: string; initialError?: ErrorKey; demoAccounts?: DemoAccount[] }) {
  const t = useTranslations("auth.login");
  const [error, setError] = useState<ErrorKey | undefined>(initialError);
  const [pending, setPending] = useState(false);
  const username = useRef<HTMLInputElement>(null);
  const password = useRef<HTMLInputElement>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(undefined);
    try {
      const res = await fetch("/api/auth/login", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ username: form.get("username"), password: form.get("password"), next }),
      });
      if (res.ok) {
        const body = (await res.json()) as { next: string };
        window.location.assign(body.next);
        return;
      }
      setError(res.status === 429 ? "rate_limited" : res.status === 400 ? "missing" : "invalid");
      password.current?.select();
    } catch {
      setError("network");
    }
    setPending(false);
  }

  function fill(account: DemoAccount) {
    if (username.current) username.current.value = account.username;
    if (password.current) password.current.value = account.password;
    password.current?.focus();
  }

  return (
    <div className="space-y-5">
      <form method="post" action="/api/auth/login" onSubmit={onSubmit} className="space-y-3" noValidate>
        <input type="hidden" name="next" value={next} />
        {error && (
          <p role="alert" id="login-error" className="rounded border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900">
            {t(`errors.${error}`)}
          </p>
        )}
        <div className="space-y-1">
          <label htmlFor="username" className="block text-xs font-medium text-slate-700">{t("username")}</label>
          <input ref={username} id="username" name="username" autoComplete="username" required autoFocus aria-describedby={error ? "login-error" : undefined} className={inputClasses} />
        </div>
        <div className="space-y-1">
          <label htmlFor="password" className="block text-xs font-medium text-slate-700">{t("password")}</label>
          <input ref={password} id="password" name="password" type="password" autoComplete="current-password" required aria-describedby={error ? "login-error" : undefined} className={inputClasses} />
        </div>
        <Button type="submit" variant="primary" className="w-full" disabled={pending}>
          {pending ? t("submitting") : t("submit")}
        </Button>
      </form>
      {demoAccounts && demoAccounts.length > 0 && (
        <section aria-labelledby="demo-accounts" className="border-t border-slate-200 pt-4">
          <h2 id="demo-accounts" className="text-xs font-semibold uppercase tracking-wide text-slate-500">{t("demoTitle")}</h2>
          <p className="mt-1 text-xs text-slate-600">{t("demoIntro")}</p>
          <table className="mt-2 w-full text-left text-xs">
            <thead className="text-slate-500">
              <tr>
                <th scope="col" className="py-1 font-medium">{t("demoUsername")}</th>
                <th scope="col" className="py-1 font-medium">{t("demoRole")}</th>
                <th scope="col" className="py-1 font-medium">{t("demoPassword")}</th>
                <th scope="col" className="py-1"><span className="sr-only">{t("demoTitle")}</span></th>
              </tr>
            </thead>
            <tbody>
              {demoAccounts.map((a) => (
                <tr key={a.username} className="border-t border-slate-100">
                  <td className="py-1 font-mono text-slate-900">{a.username}</td>
                  <td className="py-1 text-slate-700">{a.roleLabel}</td>
                  <td className="py-1 font-mono text-slate-700">{a.password}</td>
                  <td className="py-1 text-right">
                    <button type="button" onClick={() => fill(a)} className="text-blue-700 hover:underline focus-visible:outline-2 focus-visible:outline-blue-600">
                      {t("demoUse", { username: a.username })}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </div>
  );
}
