import { getRequestConfig } from "next-intl/server";
import { headers } from "next/headers";
import { requestLocale } from "./config";
import { loadMessages } from "./messages";

// No locale in the URL: the reader's choice (a cookie) or their browser's language decides, so a
// shared link opens in each reader's own language.
export default getRequestConfig(async () => {
  const locale = requestLocale(await headers());
  return { locale, messages: loadMessages(locale), timeZone: "UTC" };
});
