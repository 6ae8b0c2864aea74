import en from "../messages/en";
import zhCN from "../messages/zh-CN";
import type { Locale } from "./config";

export type Messages = typeof en;

const CATALOGS: Record<Locale, Messages> = { en, "zh-CN": zhCN };

/** The whole catalog of a locale (both are complete: tests/i18n/catalogs.test.ts). */
export function loadMessages(locale: Locale): Messages {
  return CATALOGS[locale];
}
