import { describe, expect, it } from "vitest";
import { loadRequestSummary } from "../../lib/approvals/read-requests";
import { openDatabase } from "../../lib/db/connection";
import { sqliteStores } from "../../lib/db/sqlite";
import { ADMIN, ENGINEER } from "../support/actors";

const NOW = new Date("2026-03-01T09:00:00Z");
const inDays = (d: number) => new Date(NOW.getTime() + d * 86_400_000).toISOString();

async function store() {
  const stores = sqliteStores(openDatabase(":memory:"));
  const ask = (requester: typeof ENGINEER, ramUser: string, roleName: string) =>
    stores.passRoleRequests.create({ roleName, roleArn: `acs:ram::1:role/${roleName}`, ramUser, requesterId: requester.id, requester: requester.username, requestedForId: null, requestedFor: null, reason: "deploy", duration: "7d", policyName: `p-${ramUser}-${roleName}`, at: NOW.toISOString() });
  const grant = async (requester: typeof ENGINEER, ramUser: string, roleName: string, expiresAt: string | null) => {
    const r = await ask(requester, ramUser, roleName);
    await stores.passRoleRequests.update(r.id, { states: ["pending"] }, { state: "granted", expiresAt, grantedAt: NOW.toISOString() }, NOW.toISOString());
    return r;
  };
  await ask(ENGINEER, "bob", "eas-nas-image");
  await ask(ADMIN, "alice", "eas-restricted");
  await grant(ENGINEER, "bob", "eas-oss-reader", inDays(2));
  await grant(ENGINEER, "bob", "eas-llm-serving", inDays(0.5));
  await grant(ADMIN, "alice", "data-pipeline", inDays(1));
  await grant(ENGINEER, "bob", "eas-no-oss", inDays(20));
  await grant(ENGINEER, "bob", "legacy-admin", null);
  return { stores, now: () => NOW };
}

describe("what waits on PassRole, for the overview", () => {
  it("gives admins everyone's pending requests and the grants ending within three days, soonest first", async () => {
    const s = await loadRequestSummary(await store(), ADMIN);
    expect(s.scope).toBe("all");
    expect(s.pending.total).toBe(2);
    expect(s.pending.newest.map((r) => r.roleName).sort()).toEqual(["eas-nas-image", "eas-restricted"]);
    expect(s.expiring.total).toBe(3);
    expect(s.expiring.soonest.map((r) => r.roleName)).toEqual(["eas-llm-serving", "data-pipeline", "eas-oss-reader"]);
  });

  it("gives engineers only their own", async () => {
    const s = await loadRequestSummary(await store(), ENGINEER);
    expect(s.scope).toBe("mine");
    expect(s.pending.newest.map((r) => r.requester)).toEqual(["bob"]);
    expect(s.expiring.soonest.map((r) => r.roleName)).toEqual(["eas-llm-serving", "eas-oss-reader"]);
  });

  it("refuses a caller who may not request PassRole", async () => {
    const viewer = { ...ENGINEER, role: "viewer" } as unknown as typeof ENGINEER;
    await expect(loadRequestSummary(await store(), viewer)).rejects.toMatchObject({ code: "forbidden" });
  });
});
