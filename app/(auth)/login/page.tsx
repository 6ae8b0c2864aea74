import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LoginForm, type DemoAccount } from "@/components/auth/login-form";
import { LanguageSwitch } from "@/components/shell/language-switch";
import { ClientMessages } from "@/components/providers/client-messages";
import { listDemoAccounts } from "@/lib/auth/sign-in";
import { getAuthDeps } from "@/lib/auth/server-deps";
import { safeNextPath } from "@/lib/auth/request";
import { getCurrentUser } from "@/lib/auth/session";
import { getEnv } from "@/lib/env";

export const generateMetadata = async (): Promise<Metadata> => ({ title: (await getTranslations("auth"))("login.title") });
export const dynamic = "force-dynamic";

const ERRORS = ["invalid", "rate_limited", "missing"] as const;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

// The sign-in page, outside the console shell. Demo credentials are shown only in demo mode, and
// only for the demo users who may sign in now.
export default async function LoginPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const next = safeNextPath(first(params.next));
  if (await getCurrentUser()) redirect(next);
  const t = await getTranslations("auth");
  const shell = await getTranslations("shell");
  const error = ERRORS.find((e) => e === first(params.error));
  const demoAccounts: DemoAccount[] | undefined = getEnv().demo
    ? (await listDemoAccounts(getAuthDeps())).map((u) => ({ username: u.username, password: u.password, roleLabel: t(`roles.${u.role}`) }))
    : undefined;
  return (
    <main id="main" className="flex min-h-screen items-start justify-center bg-slate-50 px-4 pt-[12vh]">
      <div className="w-full max-w-sm">
        <div className="mb-4 flex items-baseline justify-between gap-2">
          <p className="flex items-baseline gap-2">
            <span className="text-base font-semibold text-slate-900">{shell("product")}</span>
            <span className="text-xs text-slate-500">{t("login.footer")}</span>
          </p>
          <LanguageSwitch />
        </div>
        <div className="rounded border border-slate-200 bg-white p-5">
          <h1 className="text-lg font-semibold text-slate-900">{t("login.title")}</h1>
          <p className="mb-4 mt-0.5 text-sm text-slate-600">{t("login.intro")}</p>
          {first(params.signedOut) && !error && (
            <p role="status" className="mb-3 rounded border border-slate-200 bg-slate-50 px-3 py-2 text-sm text-slate-700">{t("login.signedOut")}</p>
          )}
          <ClientMessages namespaces={["auth.login"]}>
            <LoginForm next={next} initialError={error} demoAccounts={demoAccounts} />
          </ClientMessages>
        </div>
      </div>
    </main>
  );
}
