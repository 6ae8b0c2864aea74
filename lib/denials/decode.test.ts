import { describe, expect, it } from "vitest";
import { CloudError, type DecodedDiagnostic, type RamGateway } from "../cloud/types";
import { decodeMessage } from "./decode";

const decoded = (action: string): DecodedDiagnostic => ({
  authAction: action, authResource: "*", explicitDeny: false, noPermissionPolicyType: "AccountLevelIdentityBasedPolicy", authConditions: [], matchedPolicies: [],
  authPrincipal: { authPrincipalType: "AssumedRoleUser", authPrincipalOwnerId: "1", authPrincipalDisplayName: "RoleScopeConsole:s" },
});

/** A gateway that counts its DecodeDiagnosticMessage calls, and refuses them while `refuse` is set. */
function gateway(state: { refuse: boolean }) {
  const calls: string[] = [];
  const ram = {
    decodeDiagnosticMessage: async (m: string) => {
      calls.push(m);
      await new Promise((r) => setTimeout(r, 5));
      if (state.refuse) throw new CloudError({ code: "NoPermission", message: "You are not authorized to do this action.", httpStatus: 403, requestId: "R-1" });
      return decoded(m);
    },
  } as unknown as RamGateway;
  return { ram, calls };
}

describe("decodeMessage", () => {
  it("decodes each distinct message once, however many panels of a page ask at once", async () => {
    const { ram, calls } = gateway({ refuse: false });
    const asked = ["m-a", "m-b", "m-a", "m-a", "m-b", "m-c", "m-a", "m-c"];
    const out = await Promise.all(asked.map((m) => decodeMessage(ram, m)));
    expect(out.every((o) => o.ok)).toBe(true);
    expect([...calls].sort()).toEqual(["m-a", "m-b", "m-c"]);
  });

  it("says the console may not decode, and asks again once that answer is a minute old", async () => {
    const state = { refuse: true };
    const { ram, calls } = gateway(state);
    let now = 1_000_000;
    const first = await decodeMessage(ram, "refused-once", () => now);
    expect(first).toEqual({ ok: false, reason: "console-denied", cloud: { code: "NoPermission", requestId: "R-1" } });
    await decodeMessage(ram, "refused-once", () => now);
    expect(calls).toEqual(["refused-once"]);
    state.refuse = false;
    now += 61_000;
    expect((await decodeMessage(ram, "refused-once", () => now)).ok).toBe(true);
    expect(calls).toEqual(["refused-once", "refused-once"]);
  });
});
