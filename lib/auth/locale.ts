import "server-only";
import type { NextResponse } from "next/server";
import { isLocale, LOCALE_COOKIE, LOCALE_COOKIE_MAX_AGE, type Locale } from "@/i18n/config";
import { readCookie } from "./request";
import type { AuthDeps } from "./types";
import type { ConsoleUser } from "../actor";

/** Keeps the reader's choice in this browser. Not httpOnly: it is a preference, not a secret. */
export function setLocaleCookie(res: NextResponse, locale: Locale, secure: boolean): void {
  res.cookies.set(LOCALE_COOKIE, locale, { sameSite: "lax", secure, path: "/", maxAge: LOCALE_COOKIE_MAX_AGE });
}

/** Saves a signed-in user's choice in their profile, so it follows them to another browser. */
export async function saveLocale(deps: Pick<AuthDeps, "stores">, user: ConsoleUser, locale: Locale): Promise<void> {
  if (user.locale !== locale) await deps.stores.users.update(user.id, { locale });
}

/**
 * At sign-in: a choice already made in this browser wins and is saved to the profile; a browser
 * that made none gets the profile's. Returns the locale the response must set as cookie, if any.
 */
export async function settleLocaleAtSignIn(deps: Pick<AuthDeps, "stores">, user: ConsoleUser, headers: Headers): Promise<Locale | undefined> {
  const chosen = readCookie(headers.get("cookie"), LOCALE_COOKIE);
  if (isLocale(chosen)) {
    await saveLocale(deps, user, chosen);
    return undefined;
  }
  return isLocale(user.locale) ? user.locale : undefined;
}
