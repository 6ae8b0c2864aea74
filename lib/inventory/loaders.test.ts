import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEmulator, type RunningEmulator } from "../../emulator/server";
import { createCloud } from "../cloud/create-cloud";
import { parseEnv } from "../env";
import { ENGINEER } from "../../tests/support/actors";
import { createInventoryDeps, type InventoryDeps } from "./deps";
import { loadRoles } from "./load-roles";
import { loadServiceDetail, loadServiceEvents } from "./load-service-detail";
import { loadServices } from "./load-services";
import type { RoleRow, ServiceRow } from "./types";

// The loaders against the emulator's demo account, through the real gateways.
let emulator: RunningEmulator;
let regions: string[];
let cloud: ReturnType<typeof createCloud>;

async function control(method: string, path: string): Promise<Record<string, unknown>> {
  const res = await fetch(`${emulator.url}${path}`, { method });
  return (await res.json()) as Record<string, unknown>;
}
const stats = async () => ((await control("GET", "/_emulator/stats")) as { calls: Record<string, number> }).calls;
const fresh = (): InventoryDeps => createInventoryDeps(cloud, { ttlMs: 60_000 });

beforeAll(async () => {
  emulator = await createEmulator({ port: 0, seed: "demo", deployDelayMs: 0, log: () => {} });
  await control("POST", "/_emulator/settle");
  const env = parseEnv({ ROLESCOPE_CLOUD: "emulator", EMULATOR_ENDPOINT: `127.0.0.1:${emulator.port}`, ROLESCOPE_REGIONS: Object.keys(emulator.regionPorts).join(",") });
  regions = env.ROLESCOPE_REGIONS;
  cloud = createCloud(env);
});
afterAll(() => emulator?.close());

describe("loadServices on the demo account", () => {
  let rows: ServiceRow[];
  let calls: Record<string, number>;
  const row = (name: string) => rows.find((r) => r.name === name)!;

  beforeAll(async () => {
    await control("DELETE", "/_emulator/stats");
    rows = (await loadServices(fresh(), ENGINEER, regions)).rows;
    calls = await stats();
  });

  it("lists every service of both regions", () => {
    expect(rows.filter((r) => r.region === "cn-hangzhou").map((r) => r.name).sort()).toEqual(
      ["chat-summarizer", "churn-predictor", "fraud-detector", "image-tagger", "ocr-pipeline", "recsys-ranker", "search-embedder", "speech-asr"],
    );
    expect(rows.filter((r) => r.region === "ap-southeast-1").map((r) => r.name).sort()).toEqual(
      ["batch-scorer", "doc-classifier", "llm-qwen-chat", "nas-feature-store", "sentiment-legacy", "translation-api"],
    );
  });

  it("reads the role mode and health from each config and the account", () => {
    expect(row("fraud-detector")).toMatchObject({ roleMode: "default", status: "Running", health: { state: "ok" } });
    expect(row("fraud-detector").cause).toBeUndefined();
    expect(row("recsys-ranker")).toMatchObject({ roleMode: "default", status: "Failed", health: { state: "problem", issues: [{ code: "WORKSPACE_ID_MISSING" }] } });
    expect(row("image-tagger")).toMatchObject({ roleMode: "custom", roleName: "eas-oss-reader", health: { state: "ok" } });
    expect(row("churn-predictor")).toMatchObject({ roleName: "ecs-batch-role", health: { state: "problem", issues: [{ code: "TRUST_MISSING_EAS" }] } });
    expect(row("search-embedder").health).toEqual({ state: "problem", issues: [{ code: "ROLE_NOT_FOUND", subject: "deleted-role", detail: ["deleted-role"] }] });
    expect(row("doc-classifier")).toMatchObject({ roleMode: "none", health: { state: "none" } });
    expect(row("batch-scorer")).toMatchObject({ roleName: "data-pipeline", health: { state: "ok" } });
    expect(row("sentiment-legacy").status).toBe("Stopped");
  });

  it("never calls a failed service healthy: mounts, images and the deployer's PassRole count too", () => {
    expect(row("ocr-pipeline").health.issues).toEqual([{ code: "MOUNT_DENIED", subject: "eas-no-oss", detail: ["oss://scanned-docs/inbox/"] }]);
    expect(row("speech-asr").health.issues).toEqual([{ code: "IMAGE_PULL_DENIED", subject: "eas-image-no-cr", detail: ["registry.cn-hangzhou.aliyuncs.com/ml-team/asr:1.4"] }]);
    expect(row("chat-summarizer").health.issues).toEqual([{ code: "PASSROLE_DENIED", subject: "carol → eas-restricted", detail: ["carol", "eas-restricted"] }]);
    for (const r of rows.filter((r) => r.status === "Failed")) expect(r.health.state, r.name).toBe("problem");
  });

  it("lands each failed deployment's cause, with what one fix acts on", () => {
    const causes = Object.fromEntries(rows.filter((r) => r.cause).map((r) => [r.name, r.cause]));
    expect(causes).toEqual({
      "chat-summarizer": { code: "PASSROLE_DENIED", subject: "carol → eas-restricted" },
      "churn-predictor": { code: "TRUST_MISSING_EAS", subject: "ecs-batch-role" },
      "ocr-pipeline": { code: "MOUNT_DENIED", subject: "eas-no-oss" },
      "recsys-ranker": { code: "WORKSPACE_ID_MISSING", subject: "cn-hangzhou" },
      "search-embedder": { code: "ROLE_NOT_FOUND", subject: "deleted-role" },
      "speech-asr": { code: "IMAGE_PULL_DENIED", subject: "eas-image-no-cr" },
    });
  });

  it("takes the latest warning from the list call's Reason and Message", () => {
    expect(row("churn-predictor").warning?.message ?? "").toMatch(/assume role|not authorized/i);
    expect(row("fraud-detector").warning).toBeUndefined();
  });

  it("makes no call per row: lists, then one read per distinct role, deploying user and policy", () => {
    expect(calls.DescribeService ?? 0).toBe(0);
    expect(calls.DescribeServiceEvent ?? 0).toBe(0);
    const used = new Set(rows.filter((r) => r.roleName && !r.health.issues.some((i) => i.code === "ROLE_NOT_FOUND")).map((r) => r.roleName));
    expect(calls.GetRole).toBe(used.size);
    expect(calls.ListPoliciesForRole).toBe(used.size);
    expect(calls.ListServices).toBe(regions.length);
    expect([calls.ListRoles, calls.ListUsers, calls.ListGroups]).toEqual([1, 1, 1]);
    // alice, bob and carol deploy custom roles; each user's policies are read once.
    expect(calls.ListPoliciesForUser).toBe(3);
    // One read per distinct policy the demo attaches (AliyunOSSFullAccess on eas-restricted is the 15th).
    expect(calls.GetPolicy).toBeLessThanOrEqual(15);
  });

  it("serves a second load from the cache", async () => {
    const deps = fresh();
    await loadServices(deps, ENGINEER, regions);
    await control("DELETE", "/_emulator/stats");
    const again = await loadServices(deps, ENGINEER, regions);
    expect(again.rows).toHaveLength(rows.length);
    expect((await stats()) ?? {}).toEqual({});
  });

  it("lists every service when the deployers' groups cannot be read, marking the PassRole check as not done", async () => {
    await fetch(`${emulator.url}/_emulator/faults`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ operation: "ListGroups", errorRate: 1, errorCode: "NoPermission", httpStatus: 403 }),
    });
    try {
      const partial = (await loadServices(fresh(), ENGINEER, regions)).rows;
      expect(partial.map((r) => r.name).sort()).toEqual(rows.map((r) => r.name).sort());
      const chat = partial.find((r) => r.name === "chat-summarizer")!;
      expect(chat.cause).toEqual({ code: "UNKNOWN" });
      expect(chat.health.issues.map((i) => i.code)).not.toContain("REDEPLOY_PENDING");
      const unread = chat.health.issues.find((i) => i.code === "FACTS_UNREAD");
      expect(unread?.detail).toEqual([expect.stringMatching(/^NoPermission \(RequestId: \S+\)$/)]);
      // A service whose checks need no group is judged in full.
      expect(partial.find((r) => r.name === "fraud-detector")!.health).toEqual(row("fraud-detector").health);
    } finally {
      await control("DELETE", "/_emulator/faults");
    }
  });
});

describe("loadRoles on the demo account", () => {
  let rows: RoleRow[];
  let calls: Record<string, number>;
  const role = (name: string) => rows.find((r) => r.name === name)!;

  beforeAll(async () => {
    await control("DELETE", "/_emulator/stats");
    rows = (await loadRoles(fresh(), ENGINEER, regions)).rows;
    calls = await stats();
  });

  it("tells which roles EAS can assume, from their trust policies", () => {
    expect(role("ecs-batch-role").easCanAssume).toBe(false);
    expect(role("legacy-admin").easCanAssume).toBe(false);
    expect(role("eas-oss-reader").easCanAssume).toBe(true);
    expect(role("data-pipeline").principals.map((p) => [p.kind, p.value, p.isEas])).toEqual([
      ["Service", "eas.pai.aliyuncs.com", true],
      ["RAM", "acs:ram::1784200000000001:root", false],
    ]);
  });

  it("lists attached policies and the services that use each role", () => {
    expect(role("data-pipeline").policies.map((p) => p.name).sort()).toEqual(["deny-oss-delete", "oss-models-rw"]);
    expect(role("eas-oss-reader").usedBy).toEqual([{ region: "cn-hangzhou", name: "image-tagger" }]);
    expect(role("AliyunServiceRoleForPaiEas").usedBy.map((s) => s.name).sort()).toEqual(["fraud-detector", "recsys-ranker", "translation-api"]);
    expect(role("legacy-admin").usedBy).toEqual([]);
  });

  it("finds who can pass each role to EAS from the users' policies", () => {
    expect(role("eas-oss-reader").passers).toEqual(["alice", "bob"]);
    expect(role("eas-restricted").passers).toEqual(["alice"]);
  });

  it("counts PassRole held through a RAM group, and says which group", () => {
    expect(role("eas-nas-image").passers).toEqual(["alice", "carol"]);
    expect(role("eas-nas-image").passersVia).toEqual({ carol: "ml-platform" });
    expect(role("eas-oss-reader").passersVia).toEqual({});
  });

  it("reads each distinct policy once, and each role and user once", () => {
    expect(calls.ListPoliciesForUser).toBe(3);
    expect(calls.GetRole).toBe(rows.length);
    expect(calls.ListPoliciesForRole).toBe(rows.length);
    // alice, bob and carol hold 5 distinct policies between them, and the ml-platform group one more.
    expect(calls.GetPolicy).toBe(6);
    expect([calls.ListGroups, calls.ListUsersForGroup, calls.ListPoliciesForGroup]).toEqual([1, 1, 1]);
  });
});

describe("loadServiceDetail", () => {
  it("shows the chain for image-tagger and pages its events", async () => {
    const deps = fresh();
    const detail = await loadServiceDetail(deps, ENGINEER, "cn-hangzhou", "image-tagger");
    expect(detail.role).toMatchObject({ name: "eas-oss-reader", exists: true, easCanAssume: true });
    expect(detail.policies.map((p) => p.name)).toEqual(["AliyunOSSReadOnlyAccess"]);
    const events = await loadServiceEvents(deps, ENGINEER, "cn-hangzhou", "image-tagger", 1, 2);
    expect(events.items.length).toBeGreaterThan(0);
    expect(events.page).toBe(1);
  });

  it("pages events newest first, every page full but the last, from one read of the week", async () => {
    const all = (await cloud.eas.describeServiceEvents("cn-hangzhou", "fraud-detector", { pageSize: 100 })).items;
    const size = [3, 4, 5, 7].find((n) => all.length % n !== 0)!;
    const stamp = (e: { time: string; reason: string; message: string }) => `${e.time}|${e.reason}|${e.message}`;
    const deps = fresh();
    await control("DELETE", "/_emulator/stats");
    const first = await loadServiceEvents(deps, ENGINEER, "cn-hangzhou", "fraud-detector", 1, size);
    expect(first).toMatchObject({ page: 1, pageSize: size, totalPages: Math.ceil(all.length / size), total: all.length });
    const seen = [...first.items];
    for (let p = 2; p <= first.totalPages; p++) {
      const page = await loadServiceEvents(deps, ENGINEER, "cn-hangzhou", "fraud-detector", p, size);
      if (p < first.totalPages) expect(page.items).toHaveLength(size);
      seen.push(...page.items);
    }
    expect(seen.map(stamp)).toEqual([...all].reverse().map(stamp));
    expect((await stats()).DescribeServiceEvent).toBe(1);
    expect((await loadServiceEvents(deps, ENGINEER, "cn-hangzhou", "fraud-detector", first.totalPages + 1, size)).items).toEqual([]);
  });

  it("sorts events by time itself, whatever order the API answers in", async () => {
    const ev = (time: string, reason: string) => ({ type: "Normal", reason, message: "", time, resource: "Service" });
    const shuffled = [ev("2026-12-01 10:00:02", "b"), ev("2026-12-01 10:00:05", "d"), ev("2026-12-01 10:00:01", "a"), ev("2026-12-01 10:00:03", "c")];
    const stub = { eas: { describeServiceEvents: async () => ({ items: shuffled, totalCount: shuffled.length }) } } as unknown as Parameters<typeof createInventoryDeps>[0];
    const page = await loadServiceEvents(createInventoryDeps(stub, { ttlMs: 0 }), ENGINEER, "cn-hangzhou", "any", 1, 3);
    expect(page.items.map((e) => e.reason)).toEqual(["d", "c", "b"]);
  });

  it("filters events by type, newest first", async () => {
    const warnings = await loadServiceEvents(fresh(), ENGINEER, "cn-hangzhou", "churn-predictor", 1, 20, "Warning");
    expect(warnings.items.length).toBeGreaterThan(0);
    expect(warnings.items.every((e) => e.type === "Warning")).toBe(true);
    const normal = await loadServiceEvents(fresh(), ENGINEER, "cn-hangzhou", "churn-predictor", 1, 20, "Normal");
    expect(normal.items.every((e) => e.type === "Normal")).toBe(true);
    expect(warnings.type).toBe("Warning");
  });

  it("names churn-predictor's model_path among its needs", async () => {
    const detail = await loadServiceDetail(fresh(), ENGINEER, "cn-hangzhou", "churn-predictor");
    expect(detail.needs.filter((n) => n.kind === "oss-model").map((n) => [n.path, n.target, n.action, n.allowed])).toEqual([
      ["model_path", "oss://models/churn/model.pmml", "oss:ListObjects", true],
      ["model_path", "oss://models/churn/model.pmml", "oss:GetObject", true],
    ]);
    expect(detail.health.issues.map((i) => i.code)).toEqual(["TRUST_MISSING_EAS"]);
  });

  it("says a missing service is missing, with the cloud's code", async () => {
    await expect(loadServiceDetail(fresh(), ENGINEER, "cn-hangzhou", "no-such-service")).rejects.toMatchObject({ httpStatus: 404 });
  });
});
