import { describe, expect, it } from "vitest";
import { pickMessages } from "@/i18n/pick-messages";
import messages from "@/messages/en";

describe("pickMessages", () => {
  it("keeps whole namespaces and single groups, and nothing else", () => {
    const picked = pickMessages(messages, ["common", "policy.simulator", "policy.decision"]);
    expect(Object.keys(picked)).toEqual(["common", "policy"]);
    expect(picked.common).toEqual(messages.common);
    expect(picked.policy).toEqual({ simulator: messages.policy.simulator, decision: messages.policy.decision });
  });

  it("fails loudly on a name the catalog lacks", () => {
    expect(() => pickMessages(messages, ["nope" as "common"])).toThrow(/nope/);
    expect(() => pickMessages(messages, ["policy.nope" as "policy.json"])).toThrow(/policy\.nope/);
  });
});
