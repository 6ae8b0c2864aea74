import { getRequestConfig } from "next-intl/server";
import { cookies } from "next/headers";
import { LOCALE_COOKIE, pickLocale } from "./config";

// No locale in the URL: the locale comes from a cookie, so shared links work for every reader.
export default getRequestConfig(async () => {
  const locale = pickLocale((await cookies()).get(LOCALE_COOKIE)?.value);
  const messages = (await import(`../messages/${locale}/index.ts`)).default;
  return { locale, messages, timeZone: "UTC" };
});
