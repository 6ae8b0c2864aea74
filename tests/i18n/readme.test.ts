import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

// README.zh-CN.md keeps step with README.md: the same commands, every API route and error code.

const read = (name: string) => readFileSync(join(__dirname, "../..", name), "utf8");
const en = read("README.md");
const zh = read("README.zh-CN.md");

const shellBlocks = (md: string) => [...md.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1].trim());
/** The first cell of each row of the table whose header starts with `header`. */
function firstColumn(md: string, header: RegExp): string[] {
  const lines = md.split("\n");
  const start = lines.findIndex((l) => header.test(l));
  if (start < 0) return [];
  const rows: string[] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith("|")) break;
    rows.push(line.split(" | ")[0].replace(/^\|\s*/, "").trim());
  }
  return rows;
}

describe("README.zh-CN.md", () => {
  it("is linked from the top of README.md", () => {
    expect(en.split("\n").slice(0, 5).join("\n")).toContain("(README.zh-CN.md)");
  });

  it("gives the two commands, and every command it shows is one README.md shows", () => {
    const zhBlocks = shellBlocks(zh);
    expect(zhBlocks).toEqual(expect.arrayContaining(["npm ci && npm start", "npm ci && npm test"]));
    expect(zhBlocks.filter((b) => !shellBlocks(en).includes(b))).toEqual([]);
  });

  it("lists the same API routes, in the same order", () => {
    const routes = firstColumn(en, /^\| method and path \|/);
    expect(routes.length).toBeGreaterThan(25);
    expect(firstColumn(zh, /^\| 方法和路径 \|/)).toEqual(routes);
  });

  it("lists the same error codes", () => {
    const codes = firstColumn(en, /^\| code \| status \|/);
    expect(codes.length).toBeGreaterThan(10);
    expect(firstColumn(zh, /^\| 错误码 \|/)).toEqual(codes);
  });
});
