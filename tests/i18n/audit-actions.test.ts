import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { APPROVAL_EVENTS } from "../../lib/approvals/types";
import en from "../../messages/en/audit.json";
import zhCN from "../../messages/zh-CN/audit.json";

// Every action the console writes to the audit log has a name in both languages, shown beside its
// stable code. Cloud API calls (`ram:CreateRole`) are their own names and are left out.

const ROOT = join(__dirname, "../..");
const files = readdirSync(join(ROOT, "lib"), { withFileTypes: true, recursive: true })
  .filter((e) => e.isFile() && /\.ts$/.test(e.name) && !/\.test\.ts$/.test(e.name))
  .map((e) => relative(ROOT, join(e.parentPath, e.name)));

function auditedActions(): string[] {
  const found = new Set<string>(APPROVAL_EVENTS.map((e) => `passrole.${e}`));
  for (const file of files) {
    const text = readFileSync(join(ROOT, file), "utf8");
    for (const m of text.matchAll(/\baction: "([a-z_]+\.[a-z_]+)"/g)) found.add(m[1]);
    for (const m of text.matchAll(/\baudit\("([a-z_]+\.[a-z_]+)"/g)) found.add(m[1]);
    for (const m of text.matchAll(/"(users\.(?:enable|disable))"/g)) found.add(m[1]);
  }
  return [...found].sort();
}

const nameIn = (catalog: { actions: Record<string, Record<string, string>> }, action: string) => {
  const [group, name] = action.split(".");
  return catalog.actions[group]?.[name];
};

describe("audit action names", () => {
  it("name every action the console audits, in English and in Chinese", () => {
    const actions = auditedActions();
    expect(actions).toContain("users.create");
    expect(actions).toContain("passrole.granted");
    expect(actions.filter((a) => !nameIn(en, a))).toEqual([]);
    expect(actions.filter((a) => !/[\u4e00-\u9fff]/.test(nameIn(zhCN, a) ?? ""))).toEqual([]);
  });
});
