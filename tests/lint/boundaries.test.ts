import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

// The boundaries live in eslint.config.mjs; these cases show each rule firing on a file in the
// folder it guards, and staying quiet on the import the folder is allowed.

const eslint = new ESLint({ cwd: process.cwd() });

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.filter((m) => m.ruleId === "no-restricted-imports" || m.ruleId?.startsWith("rolescope/")).map((m) => `${m.ruleId}: ${m.message}`);
}

// Loading the ESLint config (Next's plugins, typescript-eslint) takes seconds on a busy machine.
describe("boundaries in lint", { timeout: 120_000 }, () => {
  it("keeps lib/ and feature components out of the kit", async () => {
    expect(await problems("components/ui/probe.tsx", 'import { can } from "@/lib/permissions";\nexport const x = can;\n')).toEqual([expect.stringContaining("imports nothing from lib/")]);
    expect(await problems("components/ui/probe.tsx", 'import { MarkReadButton } from "@/components/requests/mark-read-button";\nexport const x = MarkReadButton;\n')).toEqual([expect.stringContaining("no feature components")]);
    expect(await problems("components/ui/probe.tsx", 'import { Button } from "@/components/ui/button";\nexport const x = Button;\n')).toEqual([]);
  });

  it("keeps app/ out of components/", async () => {
    expect(await problems("components/requests/probe.tsx", 'import Page from "@/app/(console)/requests/page";\nexport const x = Page;\n')).toEqual([expect.stringContaining("imports nothing from app/")]);
  });

  it("keeps server-only code out of pure folders, also through a module that is not server-only itself", async () => {
    expect(await problems("lib/policy/probe.ts", 'import { getStores } from "../db";\nexport const x = getStores;\n')).toEqual([expect.stringContaining("may not import server-only code: ../db")]);
    expect(await problems("lib/wizard/probe.ts", 'import "server-only";\n')).toEqual([expect.stringContaining("may not import server-only")]);
    expect(await problems("lib/policy/probe.ts", 'import { markUpdatesRead } from "../approvals/mark-updates-read";\nexport const x = markUpdatesRead;\n')).toEqual([
      expect.stringContaining("server-only code: ../approvals/mark-updates-read → "),
    ]);
    expect(await problems("lib/permissions.ts", 'import { getCloud } from "@/lib/cloud";\nexport const x = getCloud;\n')).toEqual([expect.stringContaining("server-only code")]);
    expect(await problems("lib/policy/probe.ts", 'import type { Stores } from "../db/types";\nimport { z } from "zod";\nexport type X = Stores;\nexport const y = z;\n')).toEqual([]);
  });

  it('asks for import "server-only" where a module touches the store, the credentials or the environment', async () => {
    expect(await problems("lib/inventory/probe.ts", 'import { getEnv } from "../env";\nexport const x = () => getEnv();\n')).toEqual([expect.stringContaining('open it with import "server-only"')]);
    expect(await problems("lib/inventory/probe.ts", 'import "server-only";\nimport { getEnv } from "../env";\nexport const x = () => getEnv();\n')).toEqual([]);
    expect(await problems("lib/db/probe.ts", "export const x = 1;\n")).toEqual([expect.stringContaining("Every module of this folder")]);
  });
});
