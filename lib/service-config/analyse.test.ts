import { describe, expect, it } from "vitest";
import { analyseServiceConfig, parseServiceConfig, type ServiceConfig } from "./index";

const UID = "1784200000000001";
const analyse = (c: ServiceConfig) => analyseServiceConfig(c, UID, { region: "cn-hangzhou" });

describe("parseServiceConfig", () => {
  it("keeps unknown keys and reads the known ones", () => {
    const r = parseServiceConfig(JSON.stringify({ name: "a", metadata: { instance: 2, workspace_id: 42 }, cloud: { networking: { vpc_id: "vpc-1" } } }));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.config.metadata?.workspace_id).toBe("42");
    expect(r.config.cloud).toEqual({ networking: { vpc_id: "vpc-1" } });
  });

  it("names the field and the rule for a wrongly typed key", () => {
    const r = parseServiceConfig(JSON.stringify({ storage: [{ oss: { path: 3 } }] }));
    expect(r).toMatchObject({ ok: false });
    if (!r.ok) expect(r.error).toContain("storage[0].oss.path");
    const opt = parseServiceConfig(JSON.stringify({ options: { enable_ram_role: "yes" } }));
    if (!opt.ok) expect(opt.error).toContain("options.enable_ram_role");
    else throw new Error("expected a failure");
  });

  it("rejects non-JSON and non-objects without throwing", () => {
    expect(parseServiceConfig("{nope")).toMatchObject({ ok: false, error: expect.stringContaining("not valid JSON") });
    expect(parseServiceConfig("[1]")).toMatchObject({ ok: false, error: expect.stringContaining("JSON object") });
    expect(parseServiceConfig("null")).toMatchObject({ ok: false });
  });
});

describe("analyseServiceConfig: role mode", () => {
  it("Method 1: enable_ram_role alone is the PAI default role", () => {
    const a = analyse({ options: { enable_ram_role: true }, metadata: { workspace_id: "88" } });
    expect(a).toMatchObject({ roleMode: "default", roleName: "AliyunServiceRoleForPaiEas", workspaceId: "88", warnings: [] });
    expect(a.roleArn).toBeUndefined();
  });

  it("Method 2: role_arn (or credential.role_arn) is a custom role", () => {
    const arn = `acs:ram::${UID}:role/eas-oss-reader`;
    expect(analyse({ options: { enable_ram_role: true }, role_arn: arn })).toMatchObject({ roleMode: "custom", roleArn: arn, roleName: "eas-oss-reader", warnings: [] });
    expect(analyse({ options: { enable_ram_role: true }, credential: { role_arn: arn } })).toMatchObject({ roleMode: "custom", roleName: "eas-oss-reader" });
  });

  it("a role_arn without enable_ram_role still names the custom role, with a warning", () => {
    const a = analyse({ role_arn: `acs:ram::${UID}:role/x` });
    expect(a.roleMode).toBe("custom");
    expect(a.roleName).toBe("x");
    expect(a.warnings).toEqual(["role_arn is set without options.enable_ram_role: true"]);
  });

  it("a malformed role_arn is custom with no role name and a warning", () => {
    const a = analyse({ options: { enable_ram_role: true }, role_arn: "eas-role" });
    expect(a.roleMode).toBe("custom");
    expect(a.roleName).toBeUndefined();
    expect(a.warnings[0]).toContain("not a RAM role ARN");
  });

  it("no role at all", () => {
    expect(analyse({ options: { enable_ram_role: false } })).toMatchObject({ roleMode: "none", needs: [] });
    expect(analyse({})).toMatchObject({ roleMode: "none" });
  });
});

describe("analyseServiceConfig: needs", () => {
  it("an OSS mount needs ListObjects on the bucket, GetObject under the prefix, and PutObject unless read-only", () => {
    const rw = analyse({ storage: [{ oss: { path: "oss://models/v2/" }, mount_path: "/mnt/m" }] });
    expect(rw.needs).toEqual([
      {
        kind: "oss-mount",
        path: "storage[0].oss.path",
        target: "oss://models/v2/",
        volume: "oss-0",
        mountPath: "/mnt/m",
        checks: [
          { action: "oss:ListObjects", resource: `acs:oss:*:${UID}:models` },
          { action: "oss:GetObject", resource: `acs:oss:*:${UID}:models/v2/*` },
          { action: "oss:PutObject", resource: `acs:oss:*:${UID}:models/v2/*` },
        ],
      },
    ]);
    const ro = analyse({ storage: [{ oss: { path: "oss://images", readOnly: true } }] });
    expect(ro.needs[0].checks.map((c) => c.action)).toEqual(["oss:ListObjects", "oss:GetObject"]);
    expect(ro.needs[0].checks[1].resource).toBe(`acs:oss:*:${UID}:images/*`);
  });

  it("a NAS mount needs file-system describes in the server's region", () => {
    const a = analyse({ storage: [{ oss: { path: "oss://a/" } }, { nfs: { server: "0c9a4b4d5f-xrt21.ap-southeast-1.nas.aliyuncs.com", path: "/" }, mount_path: "/data" }] });
    expect(a.needs[1]).toMatchObject({ kind: "nas-mount", path: "storage[1].nfs.server", volume: "nfs-1" });
    expect(a.needs[1].checks).toEqual([
      { action: "nas:DescribeFileSystems", resource: `acs:nas:ap-southeast-1:${UID}:filesystem/0c9a4b4d5f` },
      { action: "nas:DescribeMountTargets", resource: `acs:nas:ap-southeast-1:${UID}:filesystem/0c9a4b4d5f` },
    ]);
  });

  it("custom ACR images need GetRepository and PullRepository; PAI public and foreign images need nothing", () => {
    const a = analyse({
      containers: [
        { image: "registry.cn-hangzhou.aliyuncs.com/ml-team/asr:1.4" },
        { image: "eas-registry-vpc.cn-hangzhou.cr.aliyuncs.com/pai-eas/python-inference:py39" },
        { image: "docker.io/library/nginx:1.25" },
        { image: "myinst-registry-vpc.ap-southeast-1.cr.aliyuncs.com/llm/qwen@sha256:abc" },
      ],
    });
    expect(a.needs.map((n) => n.path)).toEqual(["containers[0].image", "containers[3].image"]);
    expect(a.needs[0].checks).toEqual([
      { action: "cr:GetRepository", resource: `acs:cr:cn-hangzhou:${UID}:repository/ml-team/asr` },
      { action: "cr:PullRepository", resource: `acs:cr:cn-hangzhou:${UID}:repository/ml-team/asr` },
    ]);
    expect(a.needs[1].checks[0].resource).toBe(`acs:cr:ap-southeast-1:${UID}:repository/llm/qwen`);
    expect(analyse({ processor: "tensorflow_cpu_1.15" }).needs).toEqual([]);
    expect(analyse({ image: "registry-vpc.cn-shanghai.aliyuncs.com/a/b:1" }).needs[0].path).toBe("image");
  });

  it("registry credentials in the config replace the role for pulls", () => {
    expect(analyse({ dockerAuth: "dXNlcjpwYXNz", containers: [{ image: "registry.cn-hangzhou.aliyuncs.com/a/b:1" }] }).needs).toEqual([]);
  });

  it("Method 1 with an OSS mount needs metadata.workspace_id", () => {
    const without = analyse({ options: { enable_ram_role: true }, storage: [{ oss: { path: "oss://a/" } }] });
    expect(without.needs[0]).toEqual({ kind: "workspace-id", path: "metadata.workspace_id", target: "", checks: [], satisfied: false });
    const withWs = analyse({ options: { enable_ram_role: true }, metadata: { workspace_id: "77" }, storage: [{ oss: { path: "oss://a/" } }] });
    expect(withWs.needs[0]).toMatchObject({ kind: "workspace-id", satisfied: true, target: "77" });
    expect(analyse({ options: { enable_ram_role: true } }).needs).toEqual([]);
    expect(analyse({ role_arn: `acs:ram::${UID}:role/r`, storage: [{ oss: { path: "oss://a/" } }] }).needs.map((n) => n.kind)).toEqual(["oss-mount"]);
  });

  it("model_path and processor_path are fetched by the platform with the role: read access to each", () => {
    const a = analyse({ role_arn: `acs:ram::${UID}:role/r`, processor: "pmml", model_path: "oss://models/churn/model.pmml", processor_path: "oss://proc/p.tar.gz" });
    expect(a.needs).toEqual([
      {
        kind: "oss-model",
        path: "model_path",
        target: "oss://models/churn/model.pmml",
        volume: "model",
        checks: [
          { action: "oss:ListObjects", resource: `acs:oss:*:${UID}:models` },
          { action: "oss:GetObject", resource: `acs:oss:*:${UID}:models/churn/model.pmml*` },
        ],
      },
      expect.objectContaining({ kind: "oss-model", path: "processor_path", target: "oss://proc/p.tar.gz", volume: "processor" }),
    ]);
    expect(analyse({ model_path: "http://example.com/m.tar.gz" }).needs).toEqual([]);
  });

  it("every other oss:// address the config names is a need of the code, once per address", () => {
    const a = analyse({
      role_arn: `acs:ram::${UID}:role/r`,
      storage: [{ oss: { path: "oss://mounted/dir/" }, mount_path: "/m" }],
      containers: [{ image: "eas-registry-vpc.cn-hangzhou.cr.aliyuncs.com/pai-eas/python-inference:py39", script: "python run.py --in oss://raw-data/2024/ --out oss://results/x/ --also oss://mounted/dir/", env: [{ name: "FEATURES", value: "oss://feature-store/v3/" }] }],
      metadata: { note: "copy of oss://raw-data/2024/" },
    });
    expect(a.needs.map((n) => [n.kind, n.path, n.target])).toEqual([
      ["oss-mount", "storage[0].oss.path", "oss://mounted/dir/"],
      ["oss-path", "containers[0].script", "oss://raw-data/2024/"],
      ["oss-path", "containers[0].script", "oss://results/x/"],
      ["oss-path", "containers[0].env[0].value", "oss://feature-store/v3/"],
    ]);
    expect(a.needs[1].checks.map((c) => c.action)).toEqual(["oss:ListObjects", "oss:GetObject"]);
  });

  it("Method 1 needs metadata.workspace_id for any OSS location, not only mounts", () => {
    const a = analyse({ options: { enable_ram_role: true }, processor: "pmml", model_path: "oss://models/churn/model.pmml" });
    expect(a.needs.map((n) => n.kind)).toEqual(["workspace-id", "oss-model"]);
    expect(a.needs[0].satisfied).toBe(false);
  });
});

describe("config keys that are Object.prototype properties", () => {
  it("reads an oss:// address under a key named constructor or toString like any other", () => {
    const config = { options: { enable_ram_role: true }, constructor: "oss://bucket-a/x/", environment: { toString: "oss://bucket-b/y/" } } as unknown as ServiceConfig;
    expect(analyse(config).needs.filter((n) => n.kind === "oss-path").map((n) => [n.kind, n.path, n.target])).toEqual([
      ["oss-path", "constructor", "oss://bucket-a/x/"],
      ["oss-path", "environment.toString", "oss://bucket-b/y/"],
    ]);
  });
});
