import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { durationsUpTo, expiryFor, notLongerThan, wantsReminder } from "../request-workflow";
import { grantDocumentText, grantPolicyName, POLICY_NAME_RULE } from "./plans";

describe("grant policy names", () => {
  it("are readable, and the same for the same pair whatever the case", () => {
    expect(grantPolicyName("bob", "eas-restricted")).toMatch(/^RoleScope-PassRole-bob-eas-restricted-[0-9a-f]{8}$/);
    expect(grantPolicyName("Bob", "EAS-Restricted").slice(-8)).toBe(grantPolicyName("bob", "eas-restricted").slice(-8));
  });

  it("keep pairs apart that read the same once dots become hyphens", () => {
    expect(grantPolicyName("a.b", "c")).not.toBe(grantPolicyName("a", "b.c"));
    expect(grantPolicyName("a-b", "c")).not.toBe(grantPolicyName("a", "b-c"));
  });

  it("always follow RAM's rule (letters, digits, hyphens, at most 128), even for the longest names", () => {
    const user = fc.stringMatching(/^[A-Za-z0-9._@-]{1,64}$/);
    const role = fc.stringMatching(/^[A-Za-z0-9.-]{1,64}$/);
    fc.assert(fc.property(user, role, (u, r) => POLICY_NAME_RULE.test(grantPolicyName(u, r))));
    expect(grantPolicyName("u".repeat(64), "r".repeat(64))).toHaveLength(128);
  });
});

describe("durations", () => {
  it("end a whole number of seconds later, or never", () => {
    const from = new Date("2026-12-01T10:00:00.750Z");
    expect(expiryFor("1d", from)?.toISOString()).toBe("2026-12-02T10:00:00.000Z");
    expect(expiryFor("30d", from)?.toISOString()).toBe("2026-12-31T10:00:00.000Z");
    expect(expiryFor("permanent", from)).toBeNull();
  });

  it("may be shortened by the approver, never lengthened", () => {
    expect(notLongerThan("1d", "7d")).toBe(true);
    expect(notLongerThan("permanent", "30d")).toBe(false);
    expect(durationsUpTo("7d")).toEqual(["1d", "7d"]);
    expect(durationsUpTo("permanent")).toEqual(["1d", "7d", "30d", "permanent"]);
  });

  it("remind only grants longer than a day", () => {
    expect([wantsReminder("1d"), wantsReminder("7d"), wantsReminder("30d"), wantsReminder("permanent"), wantsReminder(null)]).toEqual([false, true, true, false, false]);
  });
});

describe("the grant document", () => {
  it("allows ram:PassRole on exactly the role's ARN in this account, until the expiry in ISO 8601 UTC", () => {
    expect(JSON.parse(grantDocumentText("eas-restricted", "1784200000000001", new Date("2026-12-08T10:00:00Z")))).toEqual({
      Version: "1",
      Statement: [
        {
          Effect: "Allow",
          Action: ["ram:PassRole"],
          Resource: ["acs:ram::1784200000000001:role/eas-restricted"],
          Condition: { DateLessThan: { "acs:CurrentTime": ["2026-12-08T10:00:00.000Z"] } },
        },
      ],
    });
    expect(JSON.parse(grantDocumentText("r", "1", null)).Statement[0].Condition).toBeUndefined();
  });
});
