import { describe, expect, it } from "vitest";
import { analyseServiceConfig, parseServiceConfig } from "../service-config";
import {
  buildServiceConfig,
  defaultCodePath,
  configJson,
  credentialSnippets,
  maxcomputeEndpoint,
  ossEndpoint,
  pythonSnippet,
  runCommand,
  thirdPartyLibraries,
  type Needs,
} from "./index";
import { pyCompileErrors } from "./test-python";
import en from "../../messages/en/wizard.json";
import zhCN from "../../messages/zh-CN/wizard.json";

const EN = en.outputs.comments;
const ZH = zhCN.outputs.comments;

const UID = "1784200000000001";
const base: Needs = { region: "cn-hangzhou", oss: [], mounts: [], image: "", other: [] };
const ossAndMc: Needs = {
  ...base,
  oss: [
    { bucket: "models", prefix: "v2/", access: "read" },
    { bucket: "results", prefix: "", access: "write" },
  ],
  maxcompute: { project: "feature_store", access: "read" },
};

describe("service config", () => {
  it("Method 1: enable_ram_role and the workspace id, PAI's public image and the run command", () => {
    const config = buildServiceConfig({ name: "fraud-v2", needs: ossAndMc, method: 1, workspaceId: "38291" });
    expect(configJson(config)).toBe(`{
  "name": "fraud-v2",
  "options": {
    "enable_ram_role": true
  },
  "metadata": {
    "instance": 1,
    "cpu": 2,
    "memory": 4000,
    "workspace_id": "38291"
  },
  "containers": [
    {
      "image": "eas-registry-vpc.cn-hangzhou.cr.aliyuncs.com/pai-eas/python-inference:py39",
      "script": "python /app/app.py",
      "port": 8000
    }
  ]
}
`);
    const parsed = parseServiceConfig(configJson(config));
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(analyseServiceConfig(parsed.config, UID)).toMatchObject({ roleMode: "default", workspaceId: "38291", warnings: [] });
  });

  it("Method 2: the custom role's ARN, the mounts and the custom image", () => {
    const needs: Needs = {
      ...base,
      mounts: [
        { kind: "oss", path: "oss://models/v2/", mountPath: "/mnt/models", readOnly: true },
        { kind: "nas", server: "0c9a4b4d5f-xrt21.cn-hangzhou.nas.aliyuncs.com", path: "/share", mountPath: "/mnt/nas" },
      ],
      image: "registry.cn-hangzhou.aliyuncs.com/ml-team/asr:1.4",
    };
    const config = buildServiceConfig({ name: "asr", needs, method: 2, role: { accountId: UID, name: "eas-asr" }, codePath: "/mnt/code/serve.py" });
    expect(config).toEqual({
      name: "asr",
      options: { enable_ram_role: true },
      role_arn: `acs:ram::${UID}:role/eas-asr`,
      metadata: { instance: 1, cpu: 2, memory: 4000 },
      containers: [{ image: "registry.cn-hangzhou.aliyuncs.com/ml-team/asr:1.4", script: "python /mnt/code/serve.py", port: 8000 }],
      storage: [
        { oss: { path: "oss://models/v2/", readOnly: true }, mount_path: "/mnt/models" },
        { nfs: { server: "0c9a4b4d5f-xrt21.cn-hangzhou.nas.aliyuncs.com", path: "/share" }, mount_path: "/mnt/nas" },
      ],
    });
    const parsed = parseServiceConfig(JSON.stringify(config));
    expect(parsed.ok && analyseServiceConfig(parsed.config, UID, { region: "cn-hangzhou" }).needs.map((n) => n.kind)).toEqual(["oss-mount", "nas-mount", "image-pull"]);
  });
});

describe("libraries, run command and endpoints", () => {
  it("lists the Credentials tool, then oss2 and pyodps as chosen", () => {
    expect(thirdPartyLibraries(ossAndMc)).toEqual(["alibabacloud_credentials", "oss2", "pyodps"]);
    expect(thirdPartyLibraries({ oss: [], maxcompute: { project: "p12", access: "read" } })).toEqual(["alibabacloud_credentials", "pyodps"]);
    expect(thirdPartyLibraries({ oss: [] })).toEqual(["alibabacloud_credentials"]);
  });

  it("runs the script where the config puts it: in its first mount, else in the image, never an unmounted /mnt/data", () => {
    expect(runCommand("/mnt/code/x.py")).toBe("python /mnt/code/x.py");
    expect(defaultCodePath({ mounts: [] })).toBe("/app/app.py");
    expect(defaultCodePath({ mounts: [{ kind: "nas", server: "x", path: "/", mountPath: "/mnt/nas/" }] })).toBe("/mnt/nas/app.py");
    const bare = buildServiceConfig({ name: "svc", needs: { region: "cn-hangzhou", oss: [], mounts: [], image: "", other: [] }, method: 1 });
    expect(JSON.stringify(bare)).not.toContain("/mnt/data");
    expect(bare.containers).toEqual([expect.objectContaining({ script: "python /app/app.py" })]);
  });

  it("uses the region's internal endpoints unless public is chosen", () => {
    expect(ossEndpoint("cn-hangzhou", "internal")).toBe("https://oss-cn-hangzhou-internal.aliyuncs.com");
    expect(ossEndpoint("ap-southeast-1", "public")).toBe("https://oss-ap-southeast-1.aliyuncs.com");
    expect(maxcomputeEndpoint("cn-hangzhou", "internal")).toBe("https://service.cn-hangzhou-vpc.maxcompute.aliyun-inc.com/api");
    expect(maxcomputeEndpoint("cn-hangzhou", "public")).toBe("https://service.cn-hangzhou.maxcompute.aliyun.com/api");
  });
});

describe("python", () => {
  it("OSS and MaxCompute through the default credentials provider, exactly", () => {
    expect(pythonSnippet(ossAndMc, "internal", EN)).toBe(`import oss2
from itertools import islice
from alibabacloud_credentials import providers
from odps import ODPS
from odps.accounts import CredentialProviderAccount


# Lists a few objects under each OSS path the service reads, with the role's STS temporary credentials.
def use_oss(provider):
    auth = oss2.ProviderAuth(provider)
    bucket_0 = oss2.Bucket(auth, 'https://oss-cn-hangzhou-internal.aliyuncs.com', 'models')
    for obj in islice(oss2.ObjectIterator(bucket_0, prefix='v2/'), 10):
        print(obj.key)
    bucket_1 = oss2.Bucket(auth, 'https://oss-cn-hangzhou-internal.aliyuncs.com', 'results')
    for obj in islice(oss2.ObjectIterator(bucket_1, prefix=''), 10):
        print(obj.key)
    # Writes a small file, to check that the role may write here.
    bucket_1.put_object('rolescope-check.txt', b'written from EAS')


# Lists the tables of the MaxCompute project with the role's STS temporary credentials.
def use_maxcompute(provider):
    account = CredentialProviderAccount(provider)
    o = ODPS(account=account, project='feature_store', endpoint='https://service.cn-hangzhou-vpc.maxcompute.aliyun-inc.com/api')
    for t in o.list_tables():
        print(t)


if __name__ == '__main__':
    # The default credentials provider reads the STS temporary credentials EAS injects into the instance: no AccessKey in the code.
    provider = providers.DefaultCredentialsProvider()
    use_oss(provider)
    use_maxcompute(provider)
`);
  });

  it("compiles for every combination, with internal and public endpoints", () => {
    const combos: Needs[] = [ossAndMc, { ...ossAndMc, maxcompute: undefined }, { ...ossAndMc, oss: [] }, { ...base, oss: [{ bucket: "it's", prefix: "a\\b/", access: "write" }] }];
    const sources = combos.flatMap((needs) => (["internal", "public"] as const).map((network) => pythonSnippet(needs, network, EN)));
    expect(sources.every((s) => s !== null)).toBe(true);
    expect(pyCompileErrors(...(sources as string[]))).toBe("");
    expect(pythonSnippet(base, "internal", EN)).toBeNull();
  });

  it("comments in Chinese for a Chinese reader, around the same code, and still compiles", () => {
    const zh = pythonSnippet(ossAndMc, "internal", ZH)!;
    const en = pythonSnippet(ossAndMc, "internal", EN)!;
    const comments = (code: string) => code.split("\n").filter((l) => l.trim().startsWith("#"));
    expect(comments(zh)).toHaveLength(4);
    for (const line of comments(zh)) expect(line).toMatch(/[\u4e00-\u9fff]/);
    expect(zh.split("\n").filter((l) => !l.trim().startsWith("#"))).toEqual(en.split("\n").filter((l) => !l.trim().startsWith("#")));
    const snippets = credentialSnippets(ZH);
    for (const s of snippets) expect(comments(s.code).every((l) => /[\u4e00-\u9fff]/.test(l)) && comments(s.code).length === 1).toBe(true);
    expect(pyCompileErrors(zh, ...snippets.filter((s) => s.language === "python").map((s) => s.code))).toBe("");
  });

  it("keeps a comment on one line whatever the catalog holds", () => {
    const code = pythonSnippet(ossAndMc, "internal", { ...EN, oss: "one\nprint('injected')" })!;
    expect(code).toContain("# one print('injected')\ndef use_oss");
  });

  it("the compile check can fail", () => {
    expect(pyCompileErrors("def broken(:\n")).toContain("SyntaxError");
  });

  it("three ways to read the credentials; the Python ones compile, none prints a secret", () => {
    const snippets = credentialSnippets(EN);
    expect(snippets.map((s) => [s.way, s.language])).toEqual([
      ["credentials-tool", "python"],
      ["credentials-uri", "shell"],
      ["credentials-file", "python"],
    ]);
    expect(snippets[0].code).toContain("CredConfig(\n    type='credentials_uri'\n)");
    expect(snippets[1].code).toContain("curl $ALIBABA_CLOUD_CREDENTIALS_URI");
    expect(snippets[2].code).toContain("open('/etc/ram/credentials')");
    expect(pyCompileErrors(...snippets.filter((s) => s.language === "python").map((s) => s.code))).toBe("");
    for (const s of snippets) expect(s.code).not.toMatch(/AccessKeySecret|SecurityToken/);
  });
});
