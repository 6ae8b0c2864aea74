import { describe, expect, it } from "vitest";
import { roleFacts } from "./trust";

const trust = (principal: Record<string, string[]>, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ Version: "1", Statement: [{ Effect: "Allow", Action: "sts:AssumeRole", Principal: principal, ...extra }] });

describe("roleFacts", () => {
  it("sees that EAS may assume a role trusting eas.pai.aliyuncs.com, and marks that principal", () => {
    const f = roleFacts(trust({ Service: ["eas.pai.aliyuncs.com"], RAM: ["acs:ram::1784200000000001:root"] }));
    expect(f.easCanAssume).toBe(true);
    expect(f.principals).toEqual([
      { kind: "Service", value: "eas.pai.aliyuncs.com", effect: "Allow", conditional: false, isEas: true },
      { kind: "RAM", value: "acs:ram::1784200000000001:root", effect: "Allow", conditional: false, isEas: false },
    ]);
    expect(f.lintErrors).toEqual([]);
  });

  it("says EAS may not assume a role that trusts only ECS", () => {
    const f = roleFacts(trust({ Service: ["ecs.aliyuncs.com"] }));
    expect(f.easCanAssume).toBe(false);
    expect(f.principals.map((p) => p.isEas)).toEqual([false]);
  });

  it("a Deny for EAS beats the Allow", () => {
    const doc = JSON.stringify({
      Version: "1",
      Statement: [
        { Effect: "Allow", Action: "sts:AssumeRole", Principal: { Service: ["eas.pai.aliyuncs.com"] } },
        { Effect: "Deny", Action: "sts:AssumeRole", Principal: { Service: ["eas.pai.aliyuncs.com"] } },
      ],
    });
    expect(roleFacts(doc).easCanAssume).toBe(false);
  });

  it("reports a trust policy it cannot read instead of throwing", () => {
    const f = roleFacts("{not json");
    expect(f.exists).toBe(true);
    expect(f.easCanAssume).toBe(false);
    expect(f.trustError).toBeTruthy();
  });
});
