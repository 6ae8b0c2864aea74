import { describe, expect, it } from "vitest";
import { negotiateLocale, requestLocale } from "../../i18n/config";

describe("the reader's language", () => {
  it("follows Accept-Language by its q-values when no choice was made", () => {
    expect(negotiateLocale("zh-CN,zh;q=0.9,en;q=0.8")).toBe("zh-CN");
    expect(negotiateLocale("en-US,en;q=0.9,zh-CN;q=0.8")).toBe("en");
    expect(negotiateLocale("en;q=0.5, zh-TW;q=0.9")).toBe("zh-CN");
    expect(negotiateLocale("fr-FR, de;q=0.9")).toBe("en");
    expect(negotiateLocale("zh;q=0, en")).toBe("en");
    expect(negotiateLocale(null)).toBe("en");
  });

  it("keeps the choice in the NEXT_LOCALE cookie over the browser's languages", () => {
    const h = (cookie: string, accept = "zh-CN") => new Headers({ cookie, "accept-language": accept });
    expect(requestLocale(h("a=1; NEXT_LOCALE=en"))).toBe("en");
    expect(requestLocale(h("NEXT_LOCALE=zh-CN", "en-US"))).toBe("zh-CN");
    // A cookie holding no language the console speaks is no choice at all.
    expect(requestLocale(h("NEXT_LOCALE=fr"))).toBe("zh-CN");
    expect(requestLocale(h("NEXT_LOCALE=%E0%A4%A"))).toBe("zh-CN");
  });
});
