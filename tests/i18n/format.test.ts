import { describe, expect, it } from "vitest";
import { formatStamp } from "../../i18n/format";

describe("times by the reader's language", () => {
  const t = new Date("2026-12-07T00:30:05.120Z");
  it("writes 2026-12-07 00:30:05 for a Chinese reader, as Alibaba Cloud's consoles do", () => {
    expect(formatStamp(t, "zh-CN")).toBe("2026-12-07 00:30:05");
    expect(formatStamp(t, "zh-CN", "minute")).toBe("2026-12-07 00:30");
    expect(formatStamp(t, "zh-CN", "short")).toBe("12-07 00:30");
  });

  it("writes the English date in words with the hour after midnight as 00, never 24", () => {
    expect(formatStamp(t, "en")).toBe("Dec 7, 2026, 00:30:05");
    expect(formatStamp(t, "en", "short")).toBe("Dec 7, 00:30");
  });
});
