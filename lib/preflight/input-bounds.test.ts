import type { AppError } from "../errors/app-error";
import { describe, expect, it } from "vitest";
import { MAX_ELEMENT_CHARS } from "../policy";
import { gatherPreflightFacts, type AccountReader } from "./index";

// A preflight evaluates resources made from the config's OSS paths, so those paths
// get the length RAM allows a resource, with a 400 naming the field.

const UID = "1784200000000001";
const reader: AccountReader = {
  accountId: async () => UID,
  role: async (name) => ({ name, exists: false, easCanAssume: false, principals: [], lintErrors: [], attached: [], policies: [] }),
  defaultRole: async () => ({ name: "AliyunServiceRoleForPaiEas", exists: false, easCanAssume: false, principals: [], lintErrors: [], attached: [], policies: [] }),
  passRole: async () => ({ needed: false, allowed: true }),
};
const run = (config: unknown) => gatherPreflightFacts(reader, { config, region: "cn-hangzhou" });

describe("preflight input bounds", () => {
  it("refuses an OSS path whose resource is longer than RAM allows, naming the field", async () => {
    const path = `oss://bucket-a/${"a".repeat(MAX_ELEMENT_CHARS)}`;
    const refused = (config: unknown) => run(config).then(() => expect.unreachable("accepted"), (e: AppError) => ({ code: e.code, fields: e.fields }));
    expect(await refused({ options: { enable_ram_role: true }, model_path: path })).toEqual({
      code: "invalid_input",
      fields: { "config.model_path": `names a resource longer than RAM allows: at most ${MAX_ELEMENT_CHARS.toLocaleString("en")} characters` },
    });
    expect(Object.keys((await refused({ storage: [{ oss: { path }, mount_path: "/m" }] })).fields ?? {})).toEqual(["config.storage[0].oss.path"]);
  });

  it("reads a long path that still fits", async () => {
    const facts = await run({ options: { enable_ram_role: true }, model_path: `oss://bucket-a/${"a".repeat(1_000)}` });
    expect(facts.analysis?.needs.map((n) => n.path)).toContain("model_path");
  });
});
