import { describe, expect, it } from "vitest";
import en from "@/messages/en";
import zh from "@/messages/zh-CN";
import { flatten, hasProse, shape } from "./catalog-shape";

const catalogs = { en: flatten(en), "zh-CN": flatten(zh) };

describe("the zh-CN catalog keeps step with the English one", () => {
  it("has the same namespaces", () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
  });

  it("has every key English has, and no other", () => {
    const missing = [...catalogs.en.keys()].filter((k) => !catalogs["zh-CN"].has(k));
    const extra = [...catalogs["zh-CN"].keys()].filter((k) => !catalogs.en.has(k));
    expect({ missing, extra }).toEqual({ missing: [], extra: [] });
  });

  it("asks for the same placeholders, selects and tags in every message", () => {
    const differ = [...catalogs.en].flatMap(([key, english]) => {
      const chinese = catalogs["zh-CN"].get(key);
      if (chinese === undefined) return [];
      const [a, b] = [shape(english), shape(chinese)];
      return a.join("|") === b.join("|") ? [] : [{ key, en: a, "zh-CN": b }];
    });
    expect(differ).toEqual([]);
  });

  it("translates every message that holds English prose", () => {
    const untranslated = [...catalogs.en].filter(([key, english]) => catalogs["zh-CN"].get(key) === english && hasProse(english)).map(([key]) => key);
    expect(untranslated).toEqual([]);
  });
});

describe("the catalog checks themselves", () => {
  it("see a missing placeholder, a changed select and a dropped tag", () => {
    expect(shape("{count, plural, one {# role} other {# roles}} in {region}")).toEqual(["count:plural()", "region:text"]);
    expect(shape("{count, plural, other {# 个角色}}，地域 {region}")).toEqual(["count:plural()", "region:text"]);
    expect(shape("{n, plural, =0 {none} other {#}}")).not.toEqual(shape("{n, plural, other {#}}"));
    expect(shape("{s, select, a {x} other {y}}")).not.toEqual(shape("{s, select, b {x} other {y}}"));
    expect(shape("Trust of <mono>{role}</mono>")).not.toEqual(shape("{role} 的信任策略"));
  });

  it("tell prose from names and code", () => {
    expect(hasProse("ALIBABA_CLOUD_ACCESS_KEY_ID, ALIBABA_CLOUD_PROFILE")).toBe(false);
    expect(hasProse("acs:SourceIp")).toBe(false);
    expect(hasProse("{policy} · Statement[{index}]")).toBe(false);
    expect(hasProse("RequestId")).toBe(false);
    expect(hasProse("ROLESCOPE_CREDENTIALS_FILE (default /etc/ram/credentials)")).toBe(true);
    expect(hasProse("Copy ARN")).toBe(true);
  });
});
