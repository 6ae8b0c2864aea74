import { describe, expect, it } from "vitest";
import { RULE_PATTERNS } from "../wizard/rules";
import { isServiceAddress } from "./names";

describe("service names", () => {
  it("routes to any name the cloud returns, refusing only what is no one path segment", () => {
    for (const name of ["fraud-detector", "Churn_Model.v2", "2024-scorer", "a".repeat(128)]) expect(isServiceAddress("cn-hangzhou", name), name).toBe(true);
    for (const name of ["", "a/b", "two words", "it's", "%", "a".repeat(129)]) expect(isServiceAddress("cn-hangzhou", name), JSON.stringify(name)).toBe(false);
  });

  it("names a new service only by the creation rule", () => {
    expect(RULE_PATTERNS.serviceName.test("churn_model")).toBe(true);
    expect(RULE_PATTERNS.serviceName.test("Churn.Model")).toBe(false);
  });
});
