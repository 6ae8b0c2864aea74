import { describe, expect, it } from "vitest";
import { EAS_EVENTS } from "../../emulator/eas/event-messages";
import { parseImageRef } from "../../emulator/eas/registry";
import { ROLES, facts, serviceSaid, withRole } from "../../tests/support/diagnosis-facts";
import { diagnose } from "./diagnose";
import type { DeployEvent, InstanceState } from "./types";

// State first, text second: what a diagnosis rests on, and what it names when the platform's
// words say nothing a rule can match (the emulator's --event-texts opaque).

const OPAQUE: DeployEvent = { type: "Warning", reason: "E-4031", message: "EAS-E-4031 #17" };
const crashed = (exitCode: number): InstanceState[] => [{ name: "svc-abc-1", status: "CrashLoopBackOff", reason: "Error", restartCount: 4, exitCode }];

describe("the basis of a diagnosis", () => {
  it("opaque words, trust without EAS in the account: named from state", () => {
    const f = facts(withRole("svc", "scn-ecs-only"), { role: ROLES.ecsOnly() });
    const d = diagnose({ status: "Failed", event: OPAQUE, facts: f });
    expect([d.cause.code, d.basis]).toEqual(["TRUST_MISSING_EAS", "state"]);
    // The same cause, with the seed's words naming the render stage: both.
    expect(diagnose({ status: "Failed", event: serviceSaid(EAS_EVENTS.assumeRoleDenied()), facts: f }).basis).toBe("state+event");
  });

  it("opaque words, instances that exit 137 or keep restarting: OOM or a crash from ListServiceInstances", () => {
    const f = facts(withRole("svc", "scn-runner", { metadata: { instance: 1, memory: 4000 } }), { role: ROLES.runner() });
    const oom = diagnose({ status: "Failed", event: OPAQUE, facts: f, instances: crashed(137) });
    expect([oom.cause.code, oom.basis, oom.cause.values.memory]).toEqual(["OOM_KILLED", "state", 4000]);
    const crash = diagnose({ status: "Failed", event: OPAQUE, facts: f, instances: crashed(1) });
    expect([crash.cause.code, crash.basis, crash.cause.evidence[1]]).toEqual(["INSTANCE_CRASH", "state", { kind: "instances", names: ["svc-abc-1"], exitCode: 1 }]);
  });

  it("opaque words and nothing in the state: UNKNOWN with the platform's words verbatim, never a guess nor a redeploy", () => {
    const f = facts(withRole("svc", "scn-runner"), { role: ROLES.runner() });
    const d = diagnose({ status: "Failed", event: OPAQUE, facts: f });
    expect(d).toMatchObject({ basis: "event", cause: { code: "UNKNOWN", values: { reason: "E-4031", message: "EAS-E-4031 #17" }, evidence: [{ kind: "event", event: OPAQUE }] } });
    expect(d.cleared).toBeUndefined();
  });

  it("a cause only the words hold rests on the event; the Reason names the stage before the Message", () => {
    const image = "python:3.10";
    const f = facts(withRole("svc", "scn-runner", { containers: [{ image }] }), { role: ROLES.runner() });
    const d = diagnose({ status: "Failed", event: serviceSaid(EAS_EVENTS.noSuchHost("i-1", image, parseImageRef(image)), "ImagePullBackOff"), facts: f });
    expect([d.cause.code, d.basis]).toEqual(["IMAGE_NOT_FOUND", "event"]);
    const mixed = diagnose({ status: "Failed", event: { type: "Warning", reason: "FailedMount", message: "Instance x not healthy" }, facts: f });
    expect(mixed.cause.values.stage).toBe("mount");
  });

  it("nothing failed rests on the status", () => {
    expect(diagnose({ status: "Running", facts: facts(withRole("svc", "scn-runner"), { role: ROLES.runner() }) }).basis).toBe("state");
  });
});
