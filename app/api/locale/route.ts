import { NextResponse } from "next/server";
import { z } from "zod";
import { LOCALES } from "@/i18n/config";
import { saveLocale, setLocaleCookie } from "@/lib/auth/locale";
import { getAuthDeps } from "@/lib/auth/server-deps";
import { isCrossOrigin, isHttps, safeNextPath } from "@/lib/auth/request";
import { seeOther } from "@/lib/auth/session-core";
import { currentRequestUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors/app-error";
import { apiRoute } from "@/lib/http/api-route";
import { NO_STORE } from "@/lib/http/error-response";

export const dynamic = "force-dynamic";

/** Back to the page the switch was on; the sign-in page too, which sign-in's own `next` never returns to. */
function backTo(next: string | undefined): string {
  if (next === "/login" || next?.startsWith("/login?")) return `/login${new URL(next, "http://x").search}`;
  return safeNextPath(next);
}

const localeSchema = z.object({ locale: z.enum(LOCALES), next: z.string().optional() });

// The language switch (header and sign-in page): a cookie for this browser and, when signed in,
// the user's profile. A plain form post returns to the page it came from, in the new language.
export const POST = apiRoute({ permission: "public", body: localeSchema }, async ({ req, body: { locale, next } }) => {
  if (isCrossOrigin(req.headers, req.url)) throw new AppError("cross_origin", "auth.crossOrigin");
  const isForm = (req.headers.get("content-type") ?? "").includes("form");
  const user = await currentRequestUser(req);
  if (user) await saveLocale(getAuthDeps(), user, locale);
  const res = isForm ? seeOther(backTo(next)) : NextResponse.json({ locale }, { headers: NO_STORE });
  setLocaleCookie(res, locale, isHttps(req.headers));
  return res;
});
