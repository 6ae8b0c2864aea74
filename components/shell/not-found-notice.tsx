import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/ui/button";
import { BackButton } from "./back-button";

/** What a 404 says, in the console or before sign-in, with a way back. */
export async function NotFoundNotice({ signedIn }: { signedIn: boolean }) {
  const t = await getTranslations("shell.notFound");
  const tc = await getTranslations("common");
  return (
    <div className="mx-auto mt-16 max-w-md rounded border border-slate-200 bg-white px-6 py-8 text-center">
      <p className="font-mono text-xs text-slate-500">404</p>
      <h1 className="mt-1 text-lg font-semibold text-slate-900">{tc("notFound")}</h1>
      <p className="mt-2 text-sm text-slate-600">{t("body")}</p>
      <div className="mt-4 flex justify-center gap-2">
        <BackButton label={t("back")} />
        {signedIn ? (
          <Link href="/" className={buttonClasses("primary", "sm")}>{t("home")}</Link>
        ) : (
          <Link href="/login" className={buttonClasses("primary", "sm")}>{t("signIn")}</Link>
        )}
      </div>
    </div>
  );
}
