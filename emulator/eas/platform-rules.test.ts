import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildEasTrustPolicy } from "../../lib/policy/builders";
import type { Caller } from "../core/contract";
import { allowPolicy, createTestRam, request, rootCaller, TEST_ACCOUNT, testContext } from "../testing/test-ram";
import { readPlatformConfig } from "./config";
import { createEasModule } from "./index";
import { PLATFORM_RULES } from "./platform-rules";

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
});
