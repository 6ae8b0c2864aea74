import { describe, expect, it } from "vitest";
import { ApiError, type Caller } from "../core/contract";
import { createEasModule } from "./index";
import { allowPolicy, createTestRam, request, rootCaller, TEST_ACCOUNT, testContext, userCaller } from "../../tests/support/cloud/test-ram";

function setup(deployDelayMs = 1_000_000) {
  const ram = createTestRam();
  const eas = createEasModule({ regions: ["cn-hangzhou", "ap-southeast-1"], deployDelayMs, ram: ram.view, onChange: () => undefined });
  const call = (method: string, path: string, query: Record<string, string> = {}, body = "", opts: { caller?: Caller; region?: string; now?: Date } = {}) =>
    eas.handle(request(method, path, query, body), testContext(ram.view, opts.caller ?? rootCaller, opts));
  const create = (config: Record<string, unknown>, opts: { region?: string; now?: Date; caller?: Caller } = {}) =>
    call("POST", "/api/v2/services", {}, JSON.stringify(config), opts);
  return { ram, eas, call, create };
}

function apiError(fn: () => unknown): ApiError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ApiError) return e;
    throw e;
  }
  throw new Error("expected an ApiError");
}

describe("CreateService and DescribeService", () => {
  it("keeps the body verbatim as ServiceConfig and answers with the documented fields", () => {
    const t = setup();
    const body = `{"name":"echo","metadata":{"instance":1,"cpu":2,"memory":2000},"processor":"tensorflow_cpu_1.15"}`;
    const res = t.call("POST", "/api/v2/services", { WorkspaceId: "321", Labels: '{"team":"search"}' }, body);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ RequestId: expect.any(String), ServiceName: "echo", Status: "Creating", Region: "cn-hangzhou" });
    expect(res.body.ServiceId).toMatch(/^eas-m-[a-z0-9]{20}$/);
    expect(res.body.InternetEndpoint).toBe(`http://${TEST_ACCOUNT}.cn-hangzhou.pai-eas.aliyuncs.com/api/predict/echo`);
    const svc = t.call("GET", "/api/v2/services/cn-hangzhou/echo").body;
    expect(svc).toMatchObject({ RequestId: expect.any(String), ServiceName: "echo", ServiceConfig: body, Cpu: 2, Memory: 2000, WorkspaceId: "321", ParentUid: TEST_ACCOUNT, CallerUid: TEST_ACCOUNT });
    expect(svc.Labels).toEqual([{ LabelKey: "team", LabelValue: "search" }]);
    expect(svc.CreateTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });

  it("rejects a missing name, a bad name (naming the rule), bad JSON and a duplicate", () => {
    const t = setup();
    expect(apiError(() => t.create({ metadata: {} }))).toMatchObject({ status: 400, code: "InvalidParameter" });
    const bad = apiError(() => t.create({ name: "Bad.Name" }));
    expect(bad).toMatchObject({ status: 400, code: "InvalidParameter.ServiceName" });
    expect(bad.message).toContain("lowercase letter");
    expect(apiError(() => t.create({ name: "a".repeat(33) })).code).toBe("InvalidParameter.ServiceName");
    expect(apiError(() => t.call("POST", "/api/v2/services", {}, "{oops")).message).toContain("not valid JSON");
    expect(apiError(() => t.create({ name: "x", storage: "nope" })).message).toContain("storage");
    t.create({ name: "dup" });
    expect(apiError(() => t.create({ name: "dup" }))).toMatchObject({ status: 400, code: "InvalidService.AlreadyExists" });
    expect(t.create({ name: "dup" }, { region: "ap-southeast-1" }).status).toBe(200);
  });

  it("answers 404 InvalidService.NotFound for an unknown service on every per-service operation", () => {
    const t = setup();
    const paths: [string, string][] = [
      ["GET", ""], ["PUT", ""], ["DELETE", ""], ["PUT", "/start"], ["PUT", "/stop"], ["GET", "/events"], ["GET", "/instances"], ["GET", "/diagnosis"],
    ];
    for (const [m, suffix] of paths) {
      const e = apiError(() => t.call(m, `/api/v2/services/cn-hangzhou/missing${suffix}`, {}, "{}"));
      expect([m, suffix, e.status, e.code]).toEqual([m, suffix, 404, "InvalidService.NotFound"]);
    }
    expect(apiError(() => t.call("PATCH", "/api/v2/services/cn-hangzhou/x")).code).toBe("InvalidAction.NotFound");
    expect(apiError(() => t.call("GET", "/api/v2/services/cn-hangzhou/x/logs/more")).code).toBe("InvalidAction.NotFound");
    for (const sub of ["constructor", "__proto__", "hasOwnProperty"]) expect(apiError(() => t.call("GET", `/api/v2/services/cn-hangzhou/x/${sub}`)).code).toBe("InvalidAction.NotFound");
  });

  it("checks the region in the path against the served regions and the endpoint", () => {
    const t = setup();
    expect(apiError(() => t.call("GET", "/api/v2/services/eu-central-1/x")).code).toBe("InvalidRegionId");
    expect(apiError(() => t.call("GET", "/api/v2/services/ap-southeast-1/x")).message).toContain("does not match");
  });

  it("needs eas:<Operation> on the service for RAM users, with a NoPermission carrying AccessDeniedDetail", () => {
    const t = setup();
    t.ram.users.set("viewer", [allowPolicy("ro", ["eas:Describe*", "eas:List*"])]);
    t.ram.users.set("one", [allowPolicy("one", ["eas:*"], [`acs:eas:cn-hangzhou:${TEST_ACCOUNT}:service/mine`])]);
    const viewer = userCaller("viewer");
    const e = apiError(() => t.create({ name: "nope" }, { caller: viewer }));
    expect(e).toMatchObject({ status: 403, code: "NoPermission" });
    expect((e.extra.AccessDeniedDetail as { AuthAction: string }).AuthAction).toBe("eas:CreateService");
    expect(t.create({ name: "mine" }, { caller: userCaller("one") }).status).toBe(200);
    expect(apiError(() => t.create({ name: "theirs" }, { caller: userCaller("one") })).code).toBe("NoPermission");
    expect(t.call("GET", "/api/v2/services/cn-hangzhou/mine", {}, "", { caller: viewer }).body.ServiceName).toBe("mine");
    expect(apiError(() => t.call("DELETE", "/api/v2/services/cn-hangzhou/mine", {}, "", { caller: viewer })).code).toBe("NoPermission");
    expect(apiError(() => t.call("GET", "/api/v2/services", {}, "", { caller: userCaller("one") })).code).toBe("NoPermission");
  });
});

describe("ListServices", () => {
  function seeded() {
    const t = setup();
    const base = Date.parse("2026-03-01T00:00:00Z");
    ["alpha", "beta", "gamma", "delta", "alpha_two"].forEach((name, i) => t.create({ name }, { now: new Date(base + i * 60_000) }));
    t.create({ name: "elsewhere" }, { region: "ap-southeast-1" });
    t.eas.settle();
    t.call("PUT", "/api/v2/services/cn-hangzhou/beta/stop");
    return t;
  }
  const names = (b: Record<string, unknown>) => (b.Services as { ServiceName: string }[]).map((s) => s.ServiceName);

  it("pages with TotalCount, newest first by default, in the endpoint's region only", () => {
    const t = seeded();
    const p1 = t.call("GET", "/api/v2/services", { PageSize: "2" }).body;
    expect(p1).toMatchObject({ PageNumber: 1, PageSize: 2, TotalCount: 5 });
    expect(names(p1)).toEqual(["alpha_two", "delta"]);
    const p3 = t.call("GET", "/api/v2/services", { PageSize: "2", PageNumber: "3" }).body;
    expect(names(p3)).toEqual(["alpha"]);
    expect(names(t.call("GET", "/api/v2/services", { PageNumber: "9" }).body)).toEqual([]);
    expect(names(t.call("GET", "/api/v2/services", {}, "", { region: "ap-southeast-1" }).body)).toEqual(["elsewhere"]);
  });

  it("filters by name substring and status, and sorts by a field in either order", () => {
    const t = seeded();
    expect(names(t.call("GET", "/api/v2/services", { ServiceName: "alph" }).body).sort()).toEqual(["alpha", "alpha_two"]);
    expect(names(t.call("GET", "/api/v2/services", { ServiceStatus: "Stopped" }).body)).toEqual(["beta"]);
    expect(names(t.call("GET", "/api/v2/services", { Sort: "ServiceName", Order: "asc" }).body)).toEqual(["alpha", "alpha_two", "beta", "delta", "gamma"]);
    expect(names(t.call("GET", "/api/v2/services", { Sort: "CreateTime", Order: "asc" }).body)[0]).toBe("alpha");
  });

  it("rejects bad paging and sort parameters naming them", () => {
    const t = seeded();
    expect(apiError(() => t.call("GET", "/api/v2/services", { PageSize: "0" })).message).toContain("PageSize");
    expect(apiError(() => t.call("GET", "/api/v2/services", { PageNumber: "x" })).message).toContain("PageNumber");
    expect(apiError(() => t.call("GET", "/api/v2/services", { Sort: "Color" })).message).toContain("Sort");
    // Names every JavaScript object answers to are no sort field either.
    for (const Sort of ["constructor", "__proto__", "toString"]) expect(apiError(() => t.call("GET", "/api/v2/services", { Sort })).message).toContain("Sort");
  });
});

describe("UpdateService, StartService, StopService, DeleteService", () => {
  it("merges JSON deeply by default and replaces with UpdateType=replace", () => {
    const t = setup();
    t.create({ name: "svc", metadata: { instance: 1, cpu: 2 }, storage: [{ oss: { path: "oss://a/" } }], labels: { a: 1 } });
    t.eas.settle();
    const r = t.call("PUT", "/api/v2/services/cn-hangzhou/svc", {}, JSON.stringify({ metadata: { instance: 3 }, storage: [], labels: null }));
    expect(r.body).toMatchObject({ RequestId: expect.any(String), Message: expect.stringContaining("svc") });
    expect(t.call("GET", "/api/v2/services/cn-hangzhou/svc").body.Status).toBe("Updating");
    expect(JSON.parse(t.call("GET", "/api/v2/services/cn-hangzhou/svc").body.ServiceConfig as string)).toEqual({ name: "svc", metadata: { instance: 3, cpu: 2 }, storage: [] });
    t.call("PUT", "/api/v2/services/cn-hangzhou/svc", { UpdateType: "replace" }, JSON.stringify({ metadata: { instance: 1 } }));
    t.eas.settle();
    const svc = t.call("GET", "/api/v2/services/cn-hangzhou/svc").body;
    expect(JSON.parse(svc.ServiceConfig as string)).toEqual({ name: "svc", metadata: { instance: 1 } });
    expect(svc).toMatchObject({ Status: "Running", LatestVersion: 3, CurrentVersion: 3 });
    expect(apiError(() => t.call("PUT", "/api/v2/services/cn-hangzhou/svc", {}, JSON.stringify({ name: "other" }))).message).toContain("renamed");
    expect(apiError(() => t.call("PUT", "/api/v2/services/cn-hangzhou/svc", { UpdateType: "rollover" }, "{}")).message).toContain("UpdateType");
  });

  it("stops, refuses to start a running service, starts a stopped one, and deletes", () => {
    const t = setup();
    t.create({ name: "s", metadata: { instance: 2 } });
    t.eas.settle();
    expect(apiError(() => t.call("PUT", "/api/v2/services/cn-hangzhou/s/start")).code).toBe("InvalidServiceStatus");
    t.call("PUT", "/api/v2/services/cn-hangzhou/s/stop");
    expect(t.call("GET", "/api/v2/services/cn-hangzhou/s").body).toMatchObject({ Status: "Stopped", RunningInstance: 0, TotalInstance: 0 });
    expect(t.call("GET", "/api/v2/services/cn-hangzhou/s/instances").body.TotalCount).toBe(0);
    t.call("PUT", "/api/v2/services/cn-hangzhou/s", {}, JSON.stringify({ metadata: { instance: 1 } }));
    expect(t.call("GET", "/api/v2/services/cn-hangzhou/s").body.Status).toBe("Stopped");
    t.call("PUT", "/api/v2/services/cn-hangzhou/s/start");
    expect(t.call("GET", "/api/v2/services/cn-hangzhou/s").body.Status).toBe("Starting");
    t.eas.settle();
    expect(t.call("GET", "/api/v2/services/cn-hangzhou/s").body).toMatchObject({ Status: "Running", TotalInstance: 1 });
    expect(t.call("DELETE", "/api/v2/services/cn-hangzhou/s").body.Message).toContain("deleted");
    expect(apiError(() => t.call("GET", "/api/v2/services/cn-hangzhou/s")).code).toBe("InvalidService.NotFound");
  });
});

describe("DescribeServiceEvent", () => {
  it("defaults to the last 7 days, filters by type and window, and pages with TotalPageNum", () => {
    const t = setup();
    const now = Date.now();
    t.create({ name: "ev" }, { now: new Date(now - 10 * 86400_000) });
    t.eas.settle();
    t.call("PUT", "/api/v2/services/cn-hangzhou/ev", {}, "{}", { now: new Date(now - 2 * 86400_000) });
    t.eas.settle();
    const all = t.call("GET", "/api/v2/services/cn-hangzhou/ev/events").body;
    const events = all.Events as { Time: string; Message: string }[];
    expect(events.length).toBe(all.TotalCount);
    expect(events.every((e) => Date.parse(`${e.Time.replace(" ", "T")}Z`) > now - 7 * 86400_000)).toBe(true);
    expect(events[0].Time).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    const old = t.call("GET", "/api/v2/services/cn-hangzhou/ev/events", { StartTime: "2000-01-01 00:00:00" }).body;
    expect(old.TotalCount as number).toBeGreaterThan(all.TotalCount as number);
    const page = t.call("GET", "/api/v2/services/cn-hangzhou/ev/events", { StartTime: "2000-01-01 00:00:00", PageSize: "2", PageNum: "2" }).body;
    expect(page).toMatchObject({ PageNum: 2, TotalPageNum: Math.ceil((old.TotalCount as number) / 2) });
    expect((page.Events as unknown[]).length).toBe(2);
    expect(t.call("GET", "/api/v2/services/cn-hangzhou/ev/events", { EventType: "Warning" }).body.TotalCount).toBe(0);
    expect(apiError(() => t.call("GET", "/api/v2/services/cn-hangzhou/ev/events", { StartTime: "2024-01-01T00:00:00Z" })).message).toContain("StartTime");
    expect(apiError(() => t.call("GET", "/api/v2/services/cn-hangzhou/ev/events", { EventType: "Error" })).message).toContain("EventType");
  });
});
