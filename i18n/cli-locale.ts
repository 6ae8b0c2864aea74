import { DEFAULT_LOCALE, isLocale, type Locale } from "./config";

// A command line's language: `--lang` when given, else the terminal's locale as POSIX names it
// (LC_ALL, then LC_MESSAGES, then LANG: `zh_CN.UTF-8`), else English. Any Chinese reads zh-CN.

function fromPosix(value: string | undefined): Locale | undefined {
  if (!value || value === "C" || value === "POSIX") return undefined;
  const tag = value.split(/[.@]/)[0].replace("_", "-").toLowerCase();
  if (tag === "zh" || tag.startsWith("zh-")) return "zh-CN";
  if (tag === "en" || tag.startsWith("en-")) return "en";
  return undefined;
}

/** The locale for `--lang` (undefined when not given) and the environment; a `--lang` the console does not speak is undefined too. */
export function cliLocale(flag: string | undefined, env: Record<string, string | undefined>): Locale | undefined {
  if (flag !== undefined) return isLocale(flag) ? flag : fromPosix(flag);
  for (const name of ["LC_ALL", "LC_MESSAGES", "LANG"]) {
    const value = env[name];
    if (value) return fromPosix(value) ?? DEFAULT_LOCALE;
  }
  return DEFAULT_LOCALE;
}
