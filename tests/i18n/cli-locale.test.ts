import { describe, expect, it } from "vitest";
import { cliLocale } from "../../i18n/cli-locale";

describe("a command line's language", () => {
  it("is --lang when given, else the first of LC_ALL, LC_MESSAGES and LANG, else English", () => {
    expect(cliLocale("zh-CN", { LANG: "en_US.UTF-8" })).toBe("zh-CN");
    expect(cliLocale("en", { LANG: "zh_CN.UTF-8" })).toBe("en");
    expect(cliLocale("zh_CN", {})).toBe("zh-CN");
    expect(cliLocale(undefined, { LANG: "zh_CN.UTF-8" })).toBe("zh-CN");
    expect(cliLocale(undefined, { LANG: "zh_TW.UTF-8" })).toBe("zh-CN");
    expect(cliLocale(undefined, { LC_ALL: "en_GB.UTF-8", LANG: "zh_CN.UTF-8" })).toBe("en");
    expect(cliLocale(undefined, { LANG: "C.UTF-8" })).toBe("en");
    expect(cliLocale(undefined, { LANG: "fr_FR.UTF-8" })).toBe("en");
    expect(cliLocale(undefined, {})).toBe("en");
  });

  it("refuses a --lang the console does not speak", () => {
    expect(cliLocale("fr", {})).toBeUndefined();
  });
});
