import { getLocale, getTranslations } from "next-intl/server";
import { headers } from "next/headers";
import { LOCALE_NAMES, LOCALES } from "@/i18n/config";
import { PATH_HEADER } from "@/lib/auth/session";

/**
 * 中文 / English. A plain form post (works before the page's JavaScript loads): the server keeps
 * the choice in a cookie and the signed-in user's profile, and returns to this same address.
 */
export async function LanguageSwitch() {
  const [locale, t, path] = await Promise.all([getLocale(), getTranslations("shell"), headers().then((h) => h.get(PATH_HEADER) ?? "/")]);
  return (
    <form method="post" action="/api/locale" aria-label={t("language")} className="flex items-center text-xs">
      <input type="hidden" name="next" value={path} />
      {LOCALES.map((l, i) => (
        <span key={l} className="flex items-center">
          {i > 0 && <span aria-hidden className="px-1 text-slate-300">/</span>}
          <button
            type="submit"
            name="locale"
            value={l}
            lang={l}
            aria-pressed={l === locale}
            className={`whitespace-nowrap rounded px-1 py-0.5 ${l === locale ? "font-semibold text-slate-900" : "text-slate-500 hover:text-slate-900 hover:underline"}`}
          >
            {LOCALE_NAMES[l]}
          </button>
        </span>
      ))}
    </form>
  );
}
