import { describe, expect, it } from "vitest";
import { EAS_EVENTS } from "../../emulator/eas/event-messages";
import { BOB, ROLES, facts, passDenied, serviceSaid, withRole } from "../../tests/support/diagnosis-facts";
import { diagnose } from "./diagnose";
import { serviceHealth, wordHealth } from "./health";
import { analyseService } from "../readiness/use";
import { nearNames } from "../readiness/near-names";
import type { DiagnosisFacts } from "./types";

const health = (status: string, f: DiagnosisFacts, event?: ReturnType<typeof serviceSaid>) => serviceHealth(f, diagnose({ status, event, facts: f }));

describe("serviceHealth: the same table as the diagnosis, for every service", () => {
  it("a running service is healthy only when every need, the trust and the deployer's PassRole hold", () => {
    expect(health("Running", facts(withRole("ok", "scn-runner", { storage: [{ oss: { path: "oss://d/", readOnly: true } }] }), { role: ROLES.runner() }))).toEqual({ state: "ok", issues: [] });
    // It runs, but the next deploy by its RAM user would fail.
    expect(health("Running", facts(withRole("p", "scn-unpassable"), { role: ROLES.unpassable(), deployer: BOB, passRole: passDenied })).issues.map((i) => i.code)).toEqual(["PASSROLE_DENIED"]);
    const weak = facts(withRole("w", "scn-no-cr", { storage: [{ oss: { path: "oss://d/", readOnly: true } }], containers: [{ image: "registry-vpc.cn-hangzhou.aliyuncs.com/a/b:1" }] }), { role: ROLES.noCr() });
    expect(health("Running", weak).issues.map((i) => i.code)).toEqual(["MOUNT_DENIED", "IMAGE_PULL_DENIED"]);
  });

  it("a failed deployment's cause comes first, with what one fix acts on", () => {
    const f = facts(withRole("c", "scn-no-cr", { containers: [{ image: "registry-vpc.cn-hangzhou.aliyuncs.com/a/b:1" }] }), { role: ROLES.noCr() });
    const h = health("Failed", f, serviceSaid(EAS_EVENTS.pullDenied("c-1", "registry-vpc.cn-hangzhou.aliyuncs.com/a/b:1"), "ImagePullBackOff"));
    expect(h).toEqual({ state: "problem", issues: [{ code: "IMAGE_PULL_DENIED", subject: "scn-no-cr", detail: ["registry-vpc.cn-hangzhou.aliyuncs.com/a/b:1"] }] });
    const crash = health("Failed", facts({ name: "plain", metadata: { instance: 1 } }), serviceSaid(EAS_EVENTS.crashed("plain-1"), "CrashLoopBackOff"));
    expect(crash.issues.map((i) => i.code)).toEqual(["INSTANCE_CRASH"]);
  });

  it("a failure whose cause is gone is a pending redeploy, not Healthy", () => {
    const f = facts(withRole("r", "scn-runner"), { role: ROLES.runner() });
    expect(health("Failed", f, serviceSaid(EAS_EVENTS.assumeRoleDenied()))).toEqual({ state: "problem", issues: [{ code: "REDEPLOY_PENDING", detail: ["RenderFailed"] }] });
    expect(health("Failed", f, serviceSaid(EAS_EVENTS.configInvalid("bad")))).toMatchObject({ issues: [{ code: "UNKNOWN" }] });
  });

  it("an OSS address only the code reads, lint errors and an unreadable config are worth a look", () => {
    const script = withRole("s", "scn-no-cr", { containers: [{ image: "eas-registry-vpc.cn-hangzhou.cr.aliyuncs.com/pai-eas/python-inference:py310", script: "python run.py --in oss://raw/2024/" }] });
    expect(health("Running", facts(script, { role: ROLES.noCr() })).issues).toEqual([{ code: "NEED_DENIED", subject: "scn-no-cr", detail: ["oss://raw/2024/"] }]);
    const linted = { ...ROLES.runner(), lintErrors: ["Statement[0]: Principal RAM * trusts every account"] };
    expect(health("Running", facts(withRole("l", "scn-runner"), { role: linted })).issues.map((i) => i.code)).toEqual(["TRUST_LINT"]);
    const bad = { ...facts(withRole("b", "scn-runner")), use: { roleMode: "none" as const, configError: "not JSON", needs: [], warnings: [] } };
    expect(serviceHealth(bad)).toEqual({ state: "problem", issues: [{ code: "CONFIG_INVALID", detail: ["not JSON"] }] });
  });

  it("an unreadable config's reason is worded in the reader's language, the code kept", () => {
    const use = analyseService(JSON.stringify({ name: "b", metadata: { instance: "two" } }), "1234567890123456");
    const bad = { ...facts(withRole("b", "scn-runner")), use };
    const h = serviceHealth(bad);
    expect(wordHealth(h, "en")).toEqual({ state: "problem", issues: [{ code: "CONFIG_INVALID", detail: [use.configError] }] });
    const zh = wordHealth(h, "zh-CN");
    expect(zh.issues[0].code).toBe("CONFIG_INVALID");
    expect(zh.issues[0].detail).toEqual(["服务配置的 metadata.instance 必须是数字。"]);
    expect(zh.issues[0]).not.toHaveProperty("problem");
  });

  it("a service without a role has no health to judge until something fails", () => {
    expect(health("Running", facts({ name: "plain", metadata: { instance: 1 } }))).toEqual({ state: "none", issues: [] });
  });
});

describe("nearNames", () => {
  it("ranks typos and siblings above strangers", () => {
    const names = ["legacy-admin", "eas-oss-reader", "data-pipeline", "eas-oss-readers", "ecs-batch-role"];
    expect(nearNames("eas-oss-reeder", names, 2)).toEqual(["eas-oss-reader", "eas-oss-readers"]);
    expect(nearNames("deleted-role", names, 1)).toEqual(["ecs-batch-role"]);
    expect(nearNames("x", [], 3)).toEqual([]);
  });
});
