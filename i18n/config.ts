// Locales the console speaks. A new language is a new catalog folder under messages/ and an entry here.
export const LOCALES = ["en", "zh-CN"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";
export const LOCALE_COOKIE = "NEXT_LOCALE";
/** A choice lasts a year; it is made again in one click. */
export const LOCALE_COOKIE_MAX_AGE = 365 * 24 * 60 * 60;

/** Each language named in itself, as language switches do: a reader finds their own. */
export const LOCALE_NAMES: Record<Locale, string> = { en: "English", "zh-CN": "中文" };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/**
 * The best locale for an Accept-Language header (`zh-CN,zh;q=0.9,en;q=0.8`), by its q-values.
 * Any Chinese reads the zh-CN catalog (zh-TW readers read simplified Chinese better than English
 * in a console), any English the English one; nothing the console speaks gives the default.
 */
export function negotiateLocale(header: string | null | undefined): Locale {
  if (!header) return DEFAULT_LOCALE;
  const ranked = header
    .split(",")
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const weight = q === undefined ? 1 : Number(q.slice(2));
      return { tag: tag.trim().toLowerCase(), weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((r) => r.tag !== "" && r.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  for (const { tag } of ranked) {
    if (tag === "zh" || tag.startsWith("zh-")) return "zh-CN";
    if (tag === "en" || tag.startsWith("en-")) return "en";
  }
  return DEFAULT_LOCALE;
}

/** Reads one cookie from a Cookie header, undecoded: a locale is plain ASCII, anything else is no choice. */
function cookieValue(header: string | null, name: string): string | undefined {
  for (const part of (header ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** The reader's language for a request: their choice (the cookie), else what the browser asks for. */
export function requestLocale(headers: Headers): Locale {
  const chosen = cookieValue(headers.get("cookie"), LOCALE_COOKIE);
  return isLocale(chosen) ? chosen : negotiateLocale(headers.get("accept-language"));
}
