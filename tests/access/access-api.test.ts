import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEmulator, type RunningEmulator } from "../../emulator/server";
import { PEER_HEADER, PEER_PROTO_HEADER } from "../../lib/net/client-address";
import { ramGateway } from "../support/cloud/clients";

// POST /api/simulate, GET /api/roles/{name}/access and GET /api/access as a script calls them,
// signed in, against the demo emulator driven through the console's own RAM client.

type Route = (req: Request, ctx?: unknown) => Promise<Response>;
const UID = "1784200000000001";
const BASE = "http://127.0.0.1:3000";
let emu: RunningEmulator;
let cookie = "";
let simulate: Route;
let roleAccess: Route;
let reach: Route;
let ram: ReturnType<typeof ramGateway>;

const headers = (extra: Record<string, string> = {}) => ({ host: "127.0.0.1:3000", [PEER_HEADER]: "127.0.0.1", [PEER_PROTO_HEADER]: "http", cookie, ...extra });

beforeAll(async () => {
  emu = await createEmulator({ port: 0, seed: "demo", deployDelayMs: 0, log: () => {} });
  Object.assign(process.env, {
    DB_PATH: ":memory:",
    ROLESCOPE_DEMO: "true",
    ROLESCOPE_CLOUD: "emulator",
    EMULATOR_ENDPOINT: `127.0.0.1:${emu.port}`,
    ROLESCOPE_REGIONS: Object.keys(emu.regionPorts).join(","),
    // Each test changes RAM and reads it back at once.
    ROLESCOPE_CACHE_TTL_MS: "0",
  });
  const { getStores } = await import("../../lib/db");
  const { createAuditLog } = await import("../../lib/audit/audit-log");
  const { bootstrapUsers } = await import("../../lib/auth/bootstrap");
  await bootstrapUsers(getStores(), createAuditLog(getStores().audit), { demo: true, log: () => {} });
  const login = (await import("../../app/api/auth/login/route")).POST as Route;
  const res = await login(new Request(`${BASE}/api/auth/login`, { method: "POST", body: JSON.stringify({ username: "bob", password: "bob-demo-pass" }), headers: headers({ "content-type": "application/json" }) }));
  expect(res.status).toBe(200);
  cookie = (res.headers.get("set-cookie") ?? "").split(";")[0];
  simulate = (await import("../../app/api/simulate/route")).POST as Route;
  roleAccess = (await import("../../app/api/roles/[name]/access/route")).GET as Route;
  reach = (await import("../../app/api/access/route")).GET as Route;
  ram = ramGateway(emu.port);
}, 30_000);
afterAll(() => emu?.close());

async function sim(body: unknown) {
  const res = await simulate(new Request(`${BASE}/api/simulate`, { method: "POST", body: JSON.stringify(body), headers: headers({ "content-type": "application/json", origin: BASE }) }));
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function pathsOf(role: string) {
  const res = await roleAccess(new Request(`${BASE}/api/roles/${role}/access`, { headers: headers() }), { params: Promise.resolve({ name: role }) });
  expect(res.status).toBe(200);
  return ((await res.json()) as { paths: { principal: { type: string; name: string }; kind: string; edges: { via: string; statement: { policy: string } }[]; cut: { via: string } }[] }).paths;
}

describe("POST /api/simulate", () => {
  it("counts a user's group policies and names the group", async () => {
    const r = await sim({
      principal: { type: "user", name: "carol" },
      action: "ram:PassRole",
      resource: `acs:ram::${UID}:role/eas-nas-image`,
      context: { "acs:Service": "eas.pai.aliyuncs.com" },
    });
    expect(r).toEqual({ status: 200, body: { decision: "Allow", matched: [{ policy: "PassRole-eas-nas-image", statementIndex: 0, effect: "Allow", group: "ml-platform" }], missingContextKeys: [] } });
  });

  it("decides without the excluded policies", async () => {
    const req = { principal: { type: "role", name: "data-pipeline" }, action: "oss:PutObject", resource: "acs:oss:*:*:models/m.bin" };
    expect((await sim(req)).body).toMatchObject({ decision: "Allow", matched: [{ policy: "oss-models-rw" }] });
    expect((await sim({ ...req, exclude: ["oss-models-rw"] })).body).toEqual({ decision: "ImplicitDeny", matched: [], missingContextKeys: [] });
    const del = { ...req, action: "oss:DeleteObject" };
    expect((await sim(del)).body).toMatchObject({ decision: "ExplicitDeny", matched: [{ policy: "deny-oss-delete", effect: "Deny" }] });
    expect((await sim({ ...del, exclude: ["deny-oss-delete"] })).body).toMatchObject({ decision: "ImplicitDeny" });
  });

  it("lists the context keys a condition asked for and did not get", async () => {
    const r = await sim({ principal: { type: "role", name: "legacy-admin" }, action: "ecs:DescribeInstances", resource: "*" });
    expect(r.body).toEqual({ decision: "ImplicitDeny", matched: [], missingContextKeys: ["acs:CurrentTime"] , dependsOnMissingKeys: true });
  });

  it("refuses bad input naming each field, and answers RAM's code for a role that does not exist", async () => {
    const bad = await sim({ principal: { type: "group", name: "x" }, action: "GetObject", resource: "bucket/key", context: { "no key": "v" } });
    expect(bad.status).toBe(400);
    const fields = Object.keys((bad.body.error as { fields: Record<string, string> }).fields);
    expect(fields.sort()).toEqual(["action", "context.no key", "principal.type", "resource"].sort());
    const missing = await sim({ principal: { type: "role", name: "no-such-role" }, action: "oss:GetObject", resource: "*" });
    expect([missing.status, (missing.body.error as { cloud: { code: string } }).cloud.code]).toEqual([404, "EntityNotExist.Role"]);
  });
});

describe("GET /api/roles/{name}/access", () => {
  const role = "eas-paths-target";
  const deploy = { Version: "1", Statement: [{ Effect: "Allow", Action: ["eas:CreateService"], Resource: ["*"] }] };
  const pass = (service: string) => ({ Version: "1", Statement: [{ Effect: "Allow", Action: ["ram:PassRole"], Resource: [`acs:ram::*:role/${role}`], Condition: { StringEquals: { "acs:Service": [service] } } }] });
  const attach = (policyName: string) => ram.attachPolicyToUser({ policyName, policyType: "Custom", userName: "dave" });
  const detach = (policyName: string) => ram.detachPolicyFromUser({ policyName, policyType: "Custom", userName: "dave" });
  const daves = async () => (await pathsOf(role)).filter((p) => p.principal.name === "dave").map((p) => p.kind);

  beforeAll(async () => {
    await ram.createRole({ roleName: role, assumeRolePolicyDocument: JSON.stringify({ Version: "1", Statement: [{ Effect: "Allow", Action: ["sts:AssumeRole"], Principal: { Service: ["eas.pai.aliyuncs.com"] } }] }) });
    await ram.createUser({ userName: "dave" });
    await ram.createPolicy({ policyName: "dave-deploy", policyDocument: JSON.stringify(deploy) });
    await ram.createPolicy({ policyName: "dave-pass", policyDocument: JSON.stringify(pass("eas.pai.aliyuncs.com")) });
    await ram.createPolicy({ policyName: "dave-pass-ecs", policyDocument: JSON.stringify(pass("ecs.aliyuncs.com")) });
  });

  it("gains a pass-to-eas path with PassRole and eas:CreateService, and loses it when either goes", async () => {
    expect(await daves()).toEqual([]);
    await attach("dave-pass");
    expect(await daves()).toEqual([]);
    await attach("dave-deploy");
    expect(await daves()).toEqual(["pass-to-eas"]);
    const [p] = (await pathsOf(role)).filter((x) => x.principal.name === "dave");
    expect(p.edges.map((e) => [e.via, e.statement.policy])).toEqual([["ram:PassRole", "dave-pass"], ["eas:CreateService", "dave-deploy"], ["trust", "AssumeRolePolicy"]]);
    expect(p.cut.via).toBe("ram:PassRole");
    await detach("dave-pass");
    expect(await daves()).toEqual([]);
    await attach("dave-pass");
    await detach("dave-deploy");
    expect(await daves()).toEqual([]);
    await detach("dave-pass");
  });

  it("never gains one through a PassRole bound to another acs:Service", async () => {
    await attach("dave-pass-ecs");
    await attach("dave-deploy");
    expect(await daves()).toEqual([]);
    await detach("dave-pass-ecs");
    await detach("dave-deploy");
  });

  it("names the demo's paths: alice and carol (through her group) pass eas-nas-image, alice assumes legacy-admin", async () => {
    const paths = await pathsOf("eas-nas-image");
    expect(paths.filter((p) => p.principal.type === "user").map((p) => `${p.principal.name} ${p.kind}`)).toEqual(["alice pass-to-eas", "carol pass-to-eas"]);
    const legacy = await pathsOf("legacy-admin");
    expect(legacy.filter((p) => p.principal.type === "user").map((p) => `${p.principal.name} ${p.kind}`)).toEqual(["alice assume"]);
  });
});

describe("GET /api/access", () => {
  it("answers who may write the models bucket, directly or through a role", async () => {
    const q = new URLSearchParams({ action: "oss:PutObject", resource: "acs:oss:*:*:models/m.bin" });
    const res = await reach(new Request(`${BASE}/api/access?${q}`, { headers: headers() }));
    const body = (await res.json()) as { entries: { principal: { type: string; name: string }; via: string; role?: string }[] };
    expect(body.entries.map((e) => `${e.principal.type}:${e.principal.name} ${e.via}${e.role ? ` ${e.role}` : ""}`)).toContain("user:alice role data-pipeline");
    expect(body.entries.map((e) => `${e.principal.type}:${e.principal.name} ${e.via}`)).toContain("role:data-pipeline direct");
  });

  it("names the query field that is wrong", async () => {
    const res = await reach(new Request(`${BASE}/api/access?action=oss:GetObject`, { headers: headers() }));
    expect(res.status).toBe(400);
    expect(Object.keys(((await res.json()) as { error: { fields: Record<string, string> } }).error.fields)).toEqual(["resource"]);
  });
});
