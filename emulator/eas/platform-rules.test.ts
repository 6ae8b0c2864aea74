import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildEasTrustPolicy } from "../../lib/policy/builders";
import type { Caller } from "../core/contract";
import { allowPolicy, createTestRam, request, rootCaller, TEST_ACCOUNT, testContext } from "../../tests/support/cloud/test-ram";
import { readPlatformConfig } from "./config";
import { createEasModule } from "./index";
import { PLATFORM_RULES } from "./platform-rules";
import { EasPlatform } from "./platform";

const arn = (role: string) => `acs:ram::${TEST_ACCOUNT}:role/${role}`;
// The project's shared copies of the EAS guide and the events reference, where this machine has them.
const SEED = "/work/shared/seed/000_938dadff8fa1e666.txt";
const EVENTS_REF = "/work/shared/reference/eas-events.md";
const read = (p: string) => readFileSync(p, "utf8").replace(/\s+/g, " ");

describe("the platform's rule table", () => {
  it.skipIf(!existsSync(SEED) || !existsSync(EVENTS_REF))("cites, for every row, a sentence that the seed guide or the events reference holds", () => {
    const seed = read(SEED);
    const eventsRef = read(EVENTS_REF);
    for (const rule of PLATFORM_RULES) {
      const parts = rule.cite.text.split(" [...] ").map((p) => p.replace(/\s+/g, " "));
      for (const part of parts) expect(seed.includes(part) || eventsRef.includes(part), `${rule.id}: "${part}"`).toBe(true);
    }
  });

  it("reads the custom role from role_arn, else from credential.role_arn, where the service keeps it", () => {
    const both = readPlatformConfig(JSON.stringify({ name: "a", credential: { role_arn: arn("x") } }));
    expect(both.ok && both.config.roleArn).toBe(arn("x"));
    const bad = readPlatformConfig(JSON.stringify({ name: "a", metadata: { instance: -1 } }));
    expect(bad).toEqual({ ok: false, error: "Invalid service config: metadata.instance must be a whole number of 0 or more." });
  });

  // The guide asks PassRole of a RAM user who deploys; a role session (the console's own, say) is not
  // named, and the console's diagnosis can name no one for it, so the emulator follows the guide.
  it("asks ram:PassRole of a deploying RAM user, not of the account or of a role session", () => {
    const ram = createTestRam();
    ram.roles.set("reader", { trust: buildEasTrustPolicy(), policies: [] });
    ram.users.set("carol", [allowPolicy("eas", ["eas:*"])]);
    ram.roles.set("console", { trust: buildEasTrustPolicy(), policies: [allowPolicy("eas", ["eas:*"])] });
    const eas = createEasModule({ regions: ["cn-hangzhou"], deployDelayMs: 10_000, ram: ram.view, onChange: () => undefined });
    const session: Caller = { kind: "assumed-role", accountId: TEST_ACCOUNT, accessKeyId: "STS.console", roleName: "console", roleId: "300000000000000009", sessionName: "rolescope" };
    const carol: Caller = { kind: "user", accountId: TEST_ACCOUNT, accessKeyId: "LTAIcarol", userName: "carol", userId: "205000000000000" };
    const config = (name: string) => JSON.stringify({ name, options: { enable_ram_role: true }, role_arn: arn("reader") });
    for (const [name, caller] of [["by-session", session], ["by-carol", carol], ["by-root", rootCaller]] as const) {
      eas.handle(request("POST", "/api/v2/services", {}, config(name)), testContext(ram.view, caller));
    }
    eas.settle();
    const status = (name: string) => eas.handle(request("GET", `/api/v2/services/cn-hangzhou/${name}`), testContext(ram.view, rootCaller)).body.Status;
    expect([status("by-session"), status("by-carol"), status("by-root")]).toEqual(["Running", "Failed", "Running"]);
  });

  it("--event-texts opaque: a failure's Reason, Message, events and diagnosis are codes; statuses and instance states stay", () => {
    const ram = createTestRam();
    ram.roles.set("ecs-only", { trust: { Version: "1", Statement: [{ Effect: "Allow", Action: ["sts:AssumeRole"], Principal: { Service: ["ecs.aliyuncs.com"] } }] }, policies: [] });
    const eas = createEasModule({ regions: ["cn-hangzhou"], deployDelayMs: 10_000, ram: ram.view, onChange: () => undefined, platform: new EasPlatform(false, "opaque") });
    const root = testContext(ram.view, rootCaller);
    eas.handle(request("POST", "/api/v2/services", {}, JSON.stringify({ name: "opq", options: { enable_ram_role: true }, role_arn: arn("ecs-only") })), root);
    eas.settle();
    const svc = eas.handle(request("GET", "/api/v2/services/cn-hangzhou/opq"), root).body;
    expect(svc.Status).toBe("Failed");
    expect([svc.Reason, svc.Message]).toEqual([expect.stringMatching(/^E\d{4}$/), expect.stringMatching(/^EAS-E\d{4} #\d+$/)]);
    const warnings = (eas.handle(request("GET", "/api/v2/services/cn-hangzhou/opq/events"), root).body.Events as { Type: string; Message: string }[]).filter((e) => e.Type === "Warning");
    expect(warnings.length).toBeGreaterThan(0);
    for (const e of warnings) expect(e.Message).toMatch(/^EAS-E\d{4} #\d+$/);
    const diag = eas.handle(request("GET", "/api/v2/services/cn-hangzhou/opq/diagnosis"), root).body.DiagnosisList as { Error: string }[];
    expect(diag.map((d) => d.Error)).toEqual([expect.stringMatching(/^EAS-E\d{4} #\d+$/)]);
  });

  it("--update-merge shallow: a merge replaces each top-level key it names whole; deep merges key by key", () => {
    const merged = (mode: "deep" | "shallow") => {
      const ram = createTestRam();
      const eas = createEasModule({ regions: ["cn-hangzhou"], deployDelayMs: 10_000, ram: ram.view, onChange: () => undefined, platform: new EasPlatform(false, "real", mode) });
      const root = testContext(ram.view, rootCaller);
      eas.handle(request("POST", "/api/v2/services", {}, JSON.stringify({ name: "m", metadata: { instance: 2, cpu: 2, memory: 4000 } })), root);
      eas.handle(request("PUT", "/api/v2/services/cn-hangzhou/m", { UpdateType: "merge" }, JSON.stringify({ metadata: { workspace_id: "38291" } })), root);
      return JSON.parse(String(eas.handle(request("GET", "/api/v2/services/cn-hangzhou/m"), root).body.ServiceConfig)).metadata;
    };
    expect(merged("deep")).toEqual({ instance: 2, cpu: 2, memory: 4000, workspace_id: "38291" });
    expect(merged("shallow")).toEqual({ workspace_id: "38291" });
  });
});
