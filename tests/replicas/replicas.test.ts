import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ramGateway } from "../support/cloud/clients";
import { call, signIn, startCluster, type Cluster } from "./cluster";

// Two console replicas (`next start` of one build on two ports) on one PostgreSQL and one
// emulator, as behind a load balancer. The cache TTL is ten minutes, so only the replicas'
// notifications can explain a change that shows at once; work leases last 5 s, so a killed
// replica's grant is free to finish within the test.

let cluster: Cluster;
let A: string;
let B: string;
let emulatorPort: number;

beforeAll(async () => {
  cluster = await startCluster({ env: { ROLESCOPE_CACHE_TTL_MS: "600000", ROLESCOPE_LEASE_SECONDS: "5" } });
  [A, B] = cluster.replicas.map((r) => r.url);
  emulatorPort = Number(new URL(cluster.emulatorUrl).port);
}, 240_000);
afterAll(() => cluster?.stop(), 60_000);

const control = async (method: string, p: string, body?: unknown) => {
  const res = await fetch(`${cluster.emulatorUrl}/_emulator/${p}`, { method, headers: { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
  return (await res.json()) as Record<string, unknown>;
};
const calls = async () => (await control("GET", "stats")).calls as Record<string, number>;

/** The grant as RAM holds it, read with the account's own keys through the RAM API. */
async function held(policyName: string) {
  const ram = ramGateway(emulatorPort);
  const policy = await ram.getPolicy(policyName, "Custom").catch(() => null);
  const versions = policy ? (await ram.listPolicyVersions(policyName, "Custom")).length : 0;
  const attached = (await ram.listPoliciesForUser("bob")).filter((p) => p.policyName === policyName).length;
  return { exists: policy !== null, versions, attached };
}

/** The names in the "Users who can pass this role" list of a role page, as the HTML shows them. */
async function passersOnPage(base: string, cookie: string, role: string): Promise<string[]> {
  const res = await fetch(`${base}/roles/${role}`, { headers: { cookie } });
  expect(res.status).toBe(200);
  const html = await res.text();
  const list = /data-testid="role-passers"[^>]*>([\s\S]*?)<\/ul>/.exec(html)?.[1] ?? "";
  return [...list.matchAll(/<li[^>]*>([^<]+)<\/li>/g)].map((m) => m[1]);
}

async function ask(base: string, cookie: string, roleName: string): Promise<{ id: string; policyName: string }> {
  const asked = await call(base, cookie, "POST", "/api/passrole-requests", { roleName, reason: "replicas", duration: "7d" });
  expect(asked.status).toBe(201);
  const view = await call(base, cookie, "GET", `/api/passrole-requests/${asked.json.id as string}`);
  return { id: asked.json.id as string, policyName: (view.json.grant as { policyName: string }).policyName };
}

describe("two console replicas on one PostgreSQL", () => {
  it("a session made on A works on B, and signing out on B ends it on A", async () => {
    const cookie = await signIn(A, "carol", "carol-demo-pass");
    const me = await call(B, cookie, "GET", "/api/auth/me");
    expect(me.status).toBe(200);
    expect(me.json.user).toMatchObject({ username: "carol" });
    await fetch(`${B}/api/auth/logout`, { method: "POST", headers: { cookie }, redirect: "manual" });
    expect((await call(A, cookie, "GET", "/api/auth/me")).status).toBe(401);
  });

  it("50 concurrent approvals of one request, split across A and B, give exactly one grant in RAM", async () => {
    const bob = await signIn(A, "bob", "bob-demo-pass");
    const alice = { [A]: await signIn(A, "alice", "alice-demo-pass"), [B]: await signIn(B, "alice", "alice-demo-pass") };
    const r = await ask(B, bob, "eas-restricted");
    await control("DELETE", "stats");

    const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => (i % 2 ? B : A)).map((base) => call(base, alice[base], "POST", `/api/passrole-requests/${r.id}/approve`, {})));
    expect(answers.filter((a) => a.status === 200).map((a) => a.json.state)).toEqual(["granted"]);
    expect(answers.filter((a) => a.status === 409)).toHaveLength(49);
    for (const a of answers.filter((x) => x.status === 409)) expect((a.json.error as { code: string }).code).toBe("conflict");

    const c = await calls();
    expect([c.CreatePolicy, c.AttachPolicyToUser]).toEqual([1, 1]);
    expect(await held(r.policyName)).toEqual({ exists: true, versions: 1, attached: 1 });
    const audit = await call(A, alice[A], "GET", "/api/audit?action=passrole.approved");
    expect((audit.json.entries as { target: string }[]).filter((e) => e.target === `passrole-request/${r.id}`)).toHaveLength(1);

    expect((await call(B, alice[B], "POST", `/api/passrole-requests/${r.id}/revoke`, {})).status).toBe(200);
    expect(await held(r.policyName)).toEqual({ exists: false, versions: 0, attached: 0 });
  });

  it("a grant approved on A shows on B's role page at once, though B's cache holds the page for ten minutes", async () => {
    const carol = await signIn(B, "carol", "carol-demo-pass");
    const bob = await signIn(B, "bob", "bob-demo-pass");
    const alice = await signIn(A, "alice", "alice-demo-pass");
    const before = await passersOnPage(B, carol, "eas-no-oss");
    expect(before).not.toContain("bob");
    // B has cached what the page was built from: the same page again makes no RAM call.
    await control("DELETE", "stats");
    expect(await passersOnPage(B, carol, "eas-no-oss")).toEqual(before);
    expect((await calls()).ListPoliciesForUser ?? 0).toBe(0);

    const r = await ask(B, bob, "eas-no-oss");
    const approved = await call(A, alice, "POST", `/api/passrole-requests/${r.id}/approve`, {});
    expect(approved.json.state).toBe("granted");
    const shownAt = Date.now();
    await expect.poll(() => passersOnPage(B, carol, "eas-no-oss"), { timeout: 2_000, interval: 50 }).toContain("bob");
    console.log(`replicas: B's role page showed A's grant ${Date.now() - shownAt} ms after A answered`);
    expect(await held(r.policyName)).toMatchObject({ exists: true, attached: 1 });
    expect((await call(B, await signIn(B, "alice", "alice-demo-pass"), "POST", `/api/passrole-requests/${r.id}/revoke`, {})).status).toBe(200);
    await expect.poll(() => passersOnPage(A, carol, "eas-no-oss"), { timeout: 2_000, interval: 50 }).not.toContain("bob");
  });

  it("B killed in the middle of a grant, then restarted, finishes it with nothing doubled", async () => {
    const [, replicaB] = cluster.replicas;
    const bob = await signIn(A, "bob", "bob-demo-pass");
    const alice = await signIn(B, "alice", "alice-demo-pass");
    const r = await ask(A, bob, "eas-llm-serving");
    await control("DELETE", "stats");
    await control("PUT", "faults", { operation: "CreatePolicy", latencyMs: 3000 });

    const approving = call(B, alice, "POST", `/api/passrole-requests/${r.id}/approve`, {}).catch((e: Error) => e);
    await expect.poll(async () => (await calls()).CreatePolicy ?? 0, { timeout: 10_000, interval: 25 }).toBe(1);
    await replicaB.kill();
    expect(await approving).toBeInstanceOf(Error);
    await control("DELETE", "faults");

    const admin = await signIn(A, "alice", "alice-demo-pass");
    const state = async () => (await call(A, admin, "GET", `/api/passrole-requests/${r.id}`)).json.state;
    expect(await state()).toBe("granting");
    // B's lease on the grant (5 s) runs out; the restarted B's start-up round then takes it over.
    await new Promise((res) => setTimeout(res, 5_500));
    await replicaB.restart();
    await expect.poll(state, { timeout: 90_000, interval: 250 }).toBe("granted");

    const c = await calls();
    expect([c.CreatePolicy, c.AttachPolicyToUser]).toEqual([1, 1]);
    expect(await held(r.policyName)).toEqual({ exists: true, versions: 1, attached: 1 });
    const granted = await call(A, admin, "GET", "/api/audit?action=passrole.granted");
    expect((granted.json.entries as { target: string; actor: string }[]).filter((e) => e.target === `passrole-request/${r.id}`)).toEqual([
      expect.objectContaining({ actor: "system" }),
    ]);
    expect(cluster.replicas.map((x) => x.output()).join("\n")).toMatch(/PassRole sweep: granted 1/);
    expect((await call(A, admin, "POST", `/api/passrole-requests/${r.id}/revoke`, {})).status).toBe(200);
  }, 150_000);
});
