import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

// The kit is generic: it takes data types as generics and props, never from the console's own layers.
describe("components/ui", () => {
  it("imports nothing from lib/ or from feature components", () => {
    const dir = join(process.cwd(), "components/ui");
    const offending = readdirSync(dir)
      .filter((f) => /\.tsx?$/.test(f) && !f.includes(".test."))
      .flatMap((f) =>
        [...readFileSync(join(dir, f), "utf8").matchAll(/from\s+["']([^"']+)["']/g)]
          .map((m) => m[1])
          .filter((spec) => spec.startsWith("@/lib") || /(^|\/)lib\//.test(spec) || (spec.startsWith("@/components/") && !spec.startsWith("@/components/ui/")))
          .map((spec) => `${f}: ${spec}`),
      );
    expect(offending).toEqual([]);
  });
});
