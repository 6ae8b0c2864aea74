import { describe, expect, it } from "vitest";
import { CLOUD_OPERATIONS } from "../cloud/operations";
import { buildConsolePolicy } from "./console-policy";
import { evaluate } from "./evaluate";
import { MAX_PERMISSION_POLICY_CHARS } from "./limits";
import { lintPolicy } from "./lint";
import { parsePolicy } from "./parse";
import { serializePolicy } from "./serialize";

const actions = (p: ReturnType<typeof buildConsolePolicy>) => p.Statement.flatMap((s) => s.Action ?? []).sort();
const allow = (p: ReturnType<typeof buildConsolePolicy>, action: string, resource: string, context = {}) =>
  evaluate({ principal: { type: "RAMRole", account: "1", name: "console" }, action, resource, context }, [{ name: "console", document: p }]).decision;

describe("the console's own policy", () => {
  const readOnly = buildConsolePolicy(CLOUD_OPERATIONS, { mode: "read-only" });
  const full = buildConsolePolicy(CLOUD_OPERATIONS, { mode: "full" });

  it("allows in read-only mode exactly the reads of the operations table", () => {
    const reads = CLOUD_OPERATIONS.filter((o) => o.kind === "read" && o.action).map((o) => o.action!).sort();
    expect(actions(readOnly)).toEqual(reads);
    expect(actions(readOnly).some((a) => /Create|Update|Delete|Attach|Detach|Add|Remove|Start|Stop|PassRole/.test(a))).toBe(false);
  });

  it("allows in full mode every operation, and PassRole only towards EAS", () => {
    const all = [...new Set(CLOUD_OPERATIONS.flatMap((o) => [o.action, ...(o.alsoRequires ?? []).map((r) => r.action)]).filter((a): a is string => a !== null))].sort();
    expect(actions(full)).toEqual(all);
    const role = "acs:ram:*:1:role/eas-oss-reader";
    expect(allow(full, "ram:PassRole", role, { "acs:Service": "eas.pai.aliyuncs.com" })).toBe("Allow");
    expect(allow(full, "ram:PassRole", role, { "acs:Service": "ecs.aliyuncs.com" })).toBe("ImplicitDeny");
    expect(allow(readOnly, "ram:PassRole", role, { "acs:Service": "eas.pai.aliyuncs.com" })).toBe("ImplicitDeny");
  });

  it("is a valid RAM policy within RAM's size limit, with no lint error, the same text every time", () => {
    for (const p of [readOnly, full]) {
      const text = serializePolicy(p, { pretty: true });
      expect(text.length).toBeLessThanOrEqual(MAX_PERMISSION_POLICY_CHARS);
      expect(parsePolicy(text).ok).toBe(true);
      expect(lintPolicy(text).filter((f) => f.severity === "error")).toEqual([]);
      expect(serializePolicy(buildConsolePolicy([...CLOUD_OPERATIONS].reverse(), { mode: p === full ? "full" : "read-only" }), { pretty: true })).toBe(text);
    }
  });

  it("narrows EAS to the regions asked for", () => {
    const two = buildConsolePolicy(CLOUD_OPERATIONS, { mode: "read-only", regions: ["cn-hangzhou", "ap-southeast-1"] });
    expect(allow(two, "eas:ListServices", "acs:eas:cn-hangzhou:1:service/*")).toBe("Allow");
    expect(allow(two, "eas:ListServices", "acs:eas:cn-beijing:1:service/*")).toBe("ImplicitDeny");
    expect(allow(two, "ram:GetRole", "acs:ram:*:1:role/x")).toBe("Allow");
  });
});
