import { describe, expect, it } from "vitest";
import { DEFAULT_STATE, deployerOf, readState, recommendMethod, validateNeeds, writeState, type Needs, type SetupState } from "./index";

const base: Needs = { region: "cn-hangzhou", oss: [], mounts: [], image: "", other: [] };

describe("URL state", () => {
  it("round-trips a half-done Method 2 setup through the query string", () => {
    const s: SetupState = {
      ...DEFAULT_STATE,
      step: "preview",
      needs: {
        region: "cn-hangzhou",
        oss: [{ bucket: "models", prefix: "v2/", access: "read" }, { bucket: "out", prefix: "", access: "write" }],
        maxcompute: { project: "feature_store", access: "read" },
        mounts: [
          { kind: "oss", path: "oss://models/v2/", mountPath: "/mnt/models", readOnly: false },
          { kind: "nas", server: "0c9a4b4d5f-xrt21.cn-hangzhou.nas.aliyuncs.com", path: "/share", mountPath: "/mnt/nas" },
        ],
        image: "registry.cn-hangzhou.aliyuncs.com/ml-team/asr:1.4",
        other: ["Log Service"],
      },
      method: 2,
      serviceName: "asr",
      roleSource: "new",
      roleName: "eas-asr",
      policyMode: "custom",
      deployer: "bob",
    };
    const qs = writeState(s).toString();
    expect(qs).toBe(
      "step=preview&region=cn-hangzhou&oss=models%2Fv2%2F%3Aread&oss=out%3Awrite&mc=feature_store%3Aread" +
        "&mount=oss%7Coss%3A%2F%2Fmodels%2Fv2%2F%7C%2Fmnt%2Fmodels%7Crw&mount=nas%7C0c9a4b4d5f-xrt21.cn-hangzhou.nas.aliyuncs.com%7C%2Fshare%7C%2Fmnt%2Fnas" +
        "&image=registry.cn-hangzhou.aliyuncs.com%2Fml-team%2Fasr%3A1.4&other=Log+Service&method=2&name=asr&source=new&role=eas-asr&policies=custom&deployer=bob",
    );
    expect(readState(new URLSearchParams(qs))).toEqual(s);
  });

  it("deploys as the signed-in user's linked RAM user until another deployer, or the account itself, is chosen", () => {
    const untouched = readState(new URLSearchParams("step=outputs"));
    expect(deployerOf(untouched, "bob")).toBe("bob");
    expect(deployerOf(untouched, null)).toBe("");
    const account = readState(new URLSearchParams(writeState({ ...untouched, deployer: "" }).toString()));
    expect(writeState(account).toString()).toBe("step=outputs&deployer=");
    expect(deployerOf(account, "bob")).toBe("");
    expect(deployerOf(readState(new URLSearchParams("deployer=carol")), "bob")).toBe("carol");
  });

  it("falls back to defaults for unknown values and writes nothing for them", () => {
    const s = readState(new URLSearchParams("step=nope&method=3&net=moon&source=x&mount=ftp|a|b"));
    expect(s).toEqual({ ...DEFAULT_STATE });
    expect(writeState(s).toString()).toBe("");
  });
});

describe("needs", () => {
  it("names each bad field with its rule", () => {
    const issues = validateNeeds(
      {
        region: "cn-hangzhou",
        oss: [{ bucket: "Models", prefix: "", access: "read" }, { bucket: "ok-bucket", prefix: "/abs", access: "read" }, { bucket: "ok-bucket", prefix: "/abs", access: "write" }],
        maxcompute: { project: "1x", access: "read" },
        mounts: [
          { kind: "oss", path: "s3://x", mountPath: "mnt", readOnly: true },
          { kind: "nas", server: "example.com", path: "/", mountPath: "/mnt/a" },
          { kind: "oss", path: "oss://good/", mountPath: "/mnt/a", readOnly: true },
        ],
        image: "eas-registry-vpc.cn-hangzhou.cr.aliyuncs.com/pai-eas/python-inference:py39",
        other: [""],
      },
      ["cn-hangzhou"],
    );
    expect(issues).toEqual([
      { field: "oss[0].bucket", rule: "bucketName" },
      { field: "oss[1].prefix", rule: "ossPrefix" },
      { field: "oss[2].prefix", rule: "ossPrefix" },
      { field: "oss[2].bucket", rule: "duplicate" },
      { field: "maxcompute.project", rule: "projectName" },
      { field: "mounts[0].path", rule: "ossPath" },
      { field: "mounts[0].mountPath", rule: "mountPath" },
      { field: "mounts[1].server", rule: "nasServer" },
      { field: "mounts[2].mountPath", rule: "duplicate" },
      { field: "image", rule: "imagePaiPublic" },
      { field: "other[0]", rule: "required" },
    ]);
    expect(validateNeeds({ ...base, region: "" }, ["cn-hangzhou"])).toEqual([{ field: "region", rule: "required" }]);
    expect(validateNeeds({ ...base, region: "us-west-1" }, ["cn-hangzhou"])).toEqual([{ field: "region", rule: "regionNotServed" }]);
    expect(validateNeeds(base, ["cn-hangzhou"])).toEqual([]);
  });

  it("recommends Method 1 only for MaxCompute and OSS, and says why", () => {
    expect(recommendMethod({ ...base, oss: [{ bucket: "m1x", prefix: "", access: "write" }], maxcompute: { project: "p12", access: "read" } })).toEqual({ method: 1, reasons: ["default-products"] });
    expect(recommendMethod({ ...base, mounts: [{ kind: "oss", path: "oss://a1b/", mountPath: "/m", readOnly: true }] })).toEqual({ method: 1, reasons: ["default-products"] });
    expect(recommendMethod(base)).toEqual({ method: 1, reasons: ["no-needs"] });
    expect(
      recommendMethod({ ...base, mounts: [{ kind: "nas", server: "a-b.cn-hangzhou.nas.aliyuncs.com", path: "/", mountPath: "/n" }], image: "registry.cn-hangzhou.aliyuncs.com/a/b:1", other: ["SLS"] }),
    ).toEqual({ method: 2, reasons: ["nas-mount", "custom-image", "other-products"] });
  });
});

describe("steps", () => {
  it("Method 1 and both Method 2 paths, each step asking what it needs", async () => {
    const { stepsFor, stepIssues, firstIncomplete } = await import("./steps");
    const s: SetupState = { ...DEFAULT_STATE, needs: { ...base, oss: [{ bucket: "models", prefix: "", access: "read" }] } };
    expect(stepsFor(s)).toEqual(["needs", "method", "method1", "deploy"]);
    expect(stepsFor({ ...s, method: 2, roleSource: "existing" })).toEqual(["needs", "method", "role", "outputs", "deploy"]);
    expect(stepsFor({ ...s, method: 2 })).toEqual(["needs", "method", "role", "preview", "outputs", "deploy"]);
    expect(stepIssues(s, "method1", ["cn-hangzhou"])).toEqual([{ field: "workspaceId", rule: "required" }, { field: "serviceName", rule: "required" }]);
    expect(stepIssues({ ...s, workspaceId: "38291", serviceName: "Bad" }, "method1", ["cn-hangzhou"])).toEqual([{ field: "serviceName", rule: "serviceName" }]);
    // EAS documents no workspace id format: an id PAI's API examples show passes, a pasted URL does not.
    expect(stepIssues({ ...s, workspaceId: "ws123456", serviceName: "svc" }, "method1", ["cn-hangzhou"])).toEqual([]);
    expect(stepIssues({ ...s, workspaceId: "https://pai.console.aliyun.com/#/workspace/38291", serviceName: "svc" }, "method1", ["cn-hangzhou"])).toEqual([{ field: "workspaceId", rule: "workspaceId" }]);
    expect(stepIssues({ ...s, method: 2, roleSource: "new", roleName: "a b" }, "role", [])).toEqual([{ field: "roleName", rule: "roleName" }]);
    expect(stepIssues({ ...s, serviceName: "svc", deployer: "bob smith" }, "outputs", [])).toEqual([{ field: "deployer", rule: "userName" }]);
    expect(firstIncomplete({ ...s, method: 1 }, "deploy", ["cn-hangzhou"])).toBe("method1");
    expect(firstIncomplete({ ...s, method: 1, needs: { ...s.needs, region: "" } }, "deploy", ["cn-hangzhou"])).toBe("needs");
    expect(firstIncomplete({ ...s, method: 1, workspaceId: "1", serviceName: "svc" }, "deploy", ["cn-hangzhou"])).toBeUndefined();
  });
});
