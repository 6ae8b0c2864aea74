import { describe, expect, it } from "vitest";
import { paramsToObject, queryRoles, queryServices, readListQuery, rolesQuerySchema, searchParamsToObject, servicesQuerySchema } from "./query";
import type { RoleRow, ServiceRow } from "./types";

const svc = (name: string, over: Partial<ServiceRow> = {}): ServiceRow => ({
  region: "cn-hangzhou",
  name,
  status: "Running",
  roleMode: "none",
  health: { state: "none", issues: [] },
  createTime: "2026-01-01T00:00:00Z",
  updateTime: "2026-01-01T00:00:00Z",
  ...over,
});

const rows: ServiceRow[] = [
  svc("fraud-detector", { roleMode: "default", roleName: "AliyunServiceRoleForPaiEas", health: { state: "ok", issues: [] }, updateTime: "2026-01-03T00:00:00Z" }),
  svc("churn-predictor", { status: "Failed", roleMode: "custom", roleName: "ecs-batch-role", health: { state: "problem", issues: [{ code: "TRUST_MISSING_EAS" }] } }),
  svc("doc-classifier", { region: "ap-southeast-1", updateTime: "2026-01-02T00:00:00Z" }),
  svc("sentiment-legacy", { region: "ap-southeast-1", status: "Stopped" }),
];

const parse = (qs: string) => servicesQuerySchema.parse(paramsToObject(new URLSearchParams(qs)));

describe("services query", () => {
  it("parses the URL with defaults and drops empty values", () => {
    expect(parse("q=&status=")).toEqual({ sort: "name", page: 1, pageSize: 20 });
    expect(parse("region=cn-hangzhou,ap-southeast-1&mode=custom&page=2").region).toEqual(["cn-hangzhou", "ap-southeast-1"]);
  });

  it("refuses values outside the rules", () => {
    expect(() => parse("mode=other")).toThrow();
    expect(() => parse("pageSize=500")).toThrow();
    expect(() => parse("region=Hangzhou")).toThrow();
    expect(() => parse("sort=size")).toThrow();
  });

  it("filters by region, status, mode, health and text (name or role)", () => {
    const names = (qs: string) => queryServices(rows, parse(qs), 0).items.map((r) => r.name);
    expect(names("region=ap-southeast-1")).toEqual(["doc-classifier", "sentiment-legacy"]);
    expect(names("status=failed")).toEqual(["churn-predictor"]);
    expect(names("mode=default")).toEqual(["fraud-detector"]);
    expect(names("health=problem")).toEqual(["churn-predictor"]);
    expect(names("q=ECS-batch")).toEqual(["churn-predictor"]);
    expect(names("q=nothing-like-this")).toEqual([]);
  });

  it("sorts by name, status and update time in both directions", () => {
    const names = (qs: string) => queryServices(rows, parse(qs), 0).items.map((r) => r.name);
    expect(names("sort=-name")).toEqual(["sentiment-legacy", "fraud-detector", "doc-classifier", "churn-predictor"]);
    expect(names("sort=status")).toEqual(["churn-predictor", "sentiment-legacy", "doc-classifier", "fraud-detector"]);
    expect(names("sort=-updated")[0]).toBe("fraud-detector");
    expect(names("sort=updated").slice(0, 2)).toEqual(["churn-predictor", "sentiment-legacy"]);
  });

  it("sorts status by severity, worst first, not by the alphabet", () => {
    const byStatus = ["Creating", "Failed", "Running", "Waiting", "Stopped"].map((status) => svc(`s-${status.toLowerCase()}`, { status }));
    const names = (qs: string) => queryServices(byStatus, parse(qs), 0).items.map((r) => r.status);
    expect(names("sort=status")).toEqual(["Failed", "Waiting", "Creating", "Stopped", "Running"]);
    expect(names("sort=-status")).toEqual(["Running", "Stopped", "Creating", "Waiting", "Failed"]);
  });

  it("ranks a status named like an Object property (constructor, __proto__) as an unknown one", () => {
    const byStatus = ["Running", "constructor", "Failed", "__proto__", "Stopped"].map((status) => svc(`s-${status}`, { status }));
    const statuses = queryServices(byStatus, parse("sort=status"), 0).items.map((r) => r.status);
    expect(statuses[0]).toBe("Failed");
    expect(statuses.slice(1, 3).sort()).toEqual(["__proto__", "constructor"]);
    expect(statuses.slice(3)).toEqual(["Stopped", "Running"]);
  });

  it("sorts by region, role (no role last) and health (problems first), ties by name", () => {
    const names = (qs: string) => queryServices(rows, parse(qs), 0).items.map((r) => r.name);
    expect(names("sort=region")).toEqual(["doc-classifier", "sentiment-legacy", "churn-predictor", "fraud-detector"]);
    expect(names("sort=role")).toEqual(["fraud-detector", "churn-predictor", "doc-classifier", "sentiment-legacy"]);
    expect(names("sort=health")).toEqual(["churn-predictor", "doc-classifier", "sentiment-legacy", "fraud-detector"]);
    expect(names("sort=-health")[0]).toBe("fraud-detector");
  });

  it("pages, clamping a page past the end to the last one", () => {
    const p = queryServices(rows, parse("pageSize=3&page=2"), 42);
    expect(p).toMatchObject({ total: 4, page: 2, pageSize: 3, fetchedAt: 42 });
    expect(p.items.map((r) => r.name)).toEqual(["sentiment-legacy"]);
    expect(queryServices(rows, parse("pageSize=3&page=9"), 0).page).toBe(2);
    expect(queryServices([], parse("page=3"), 0)).toMatchObject({ total: 0, page: 1, items: [] });
  });
});

describe("roles query", () => {
  const role = (name: string, easCanAssume: boolean, services: number): RoleRow => ({
    name,
    arn: `acs:ram::1:role/${name}`,
    description: "",
    createDate: "2026-01-01T00:00:00Z",
    principals: [],
    easCanAssume,
    policies: [],
    usedBy: Array.from({ length: services }, (_, i) => ({ region: "cn-hangzhou", name: `s${i}` })),
    passers: [],
    passersVia: {},
  });
  const roles = [role("eas-oss-reader", true, 1), role("ecs-batch-role", false, 1), role("data-pipeline", true, 2)];
  const run = (qs: string) => queryRoles(roles, rolesQuerySchema.parse(paramsToObject(new URLSearchParams(qs))), 0).items.map((r) => r.name);

  it("filters on EAS can assume and sorts by services used, ties by name", () => {
    expect(run("eas=no")).toEqual(["ecs-batch-role"]);
    expect(run("eas=yes")).toEqual(["data-pipeline", "eas-oss-reader"]);
    expect(run("sort=-services")).toEqual(["data-pipeline", "eas-oss-reader", "ecs-batch-role"]);
    expect(run("q=oss")).toEqual(["eas-oss-reader"]);
  });
});

describe("a list page's URL", () => {
  it("keeps every parameter it can use and leaves out the others, each with the rule it broke", () => {
    const raw = searchParamsToObject({ q: "x".repeat(201), mode: "sideways", status: "Failed", page: "abc", pageSize: "500", sort: ["-name", "size"], health: "" });
    const { query, refused } = readListQuery(servicesQuerySchema, raw);
    expect(query).toEqual({ status: "Failed", sort: "-name", page: 1, pageSize: 20 });
    expect(Object.fromEntries(refused.map((r) => [r.name, r.kind]))).toEqual({
      q: { rule: "too_long", limit: 200 },
      mode: { rule: "one_of", values: ["none", "default", "custom"] },
      page: { rule: "type", expected: "number" },
      pageSize: { rule: "too_big", limit: 100 },
    });
    expect(refused.find((r) => r.name === "mode")?.value).toBe("sideways");
  });

  it("refuses nothing in a good URL, and names a bad region list by its parameter", () => {
    expect(readListQuery(rolesQuerySchema, { eas: "no", page: "2" })).toEqual({ query: { eas: "no", sort: "name", page: 2, pageSize: 20 }, refused: [] });
    const { query, refused } = readListQuery(servicesQuerySchema, { region: "cn-hangzhou,Hangzhou" });
    expect(query.region).toBeUndefined();
    expect(refused).toEqual([{ name: "region", value: "cn-hangzhou,Hangzhou", kind: { rule: "format", format: "regex", text: "regionFormat" } }]);
  });
});
