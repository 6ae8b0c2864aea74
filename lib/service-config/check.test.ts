import { describe, expect, it } from "vitest";
import type { NamedPolicy } from "../policy/types";
import { analyseServiceConfig, checkNeeds } from "./index";

const UID = "1784200000000001";
const allow = (name: string, Action: string[], Resource: string[]): NamedPolicy => ({ name, document: { Version: "1", Statement: [{ Effect: "Allow", Action, Resource }] } });
const needsOf = (storage: unknown[], containers: unknown[] = []) =>
  analyseServiceConfig({ role_arn: `acs:ram::${UID}:role/r`, storage, containers } as never, UID, { region: "cn-hangzhou" }).needs;

describe("checkNeeds", () => {
  it("allows a read-only mount with a bucket-scoped read policy and names the deciding statement", () => {
    const [r] = checkNeeds(needsOf([{ oss: { path: "oss://models/", readOnly: true } }]), [
      allow("oss-models-read", ["oss:GetObject", "oss:ListObjects"], ["acs:oss:*:*:models", "acs:oss:*:*:models/*"]),
    ]);
    expect(r.allowed).toBe(true);
    expect(r.denied).toBeUndefined();
    expect(r.checks.map((c) => c.deciding[0])).toEqual([
      { policy: "oss-models-read", statementIndex: 0, effect: "Allow" },
      { policy: "oss-models-read", statementIndex: 0, effect: "Allow" },
    ]);
  });

  it("denies a writable mount when the role may only read, reporting the first missing action", () => {
    const [r] = checkNeeds(needsOf([{ oss: { path: "oss://models/" } }]), [allow("AliyunOSSReadOnlyAccess", ["oss:Get*", "oss:List*"], ["*"])]);
    expect(r.allowed).toBe(false);
    expect(r.denied).toMatchObject({ action: "oss:PutObject", decision: "ImplicitDeny", deciding: [] });
  });

  it("an explicit Deny wins and is named", () => {
    const deny: NamedPolicy = { name: "no-models", document: { Version: "1", Statement: [{ Effect: "Deny", Action: ["oss:*"], Resource: ["acs:oss:*:*:models/*"] }] } };
    const [r] = checkNeeds(needsOf([{ oss: { path: "oss://models/", readOnly: true } }]), [allow("all", ["oss:*"], ["*"]), deny]);
    expect(r.denied).toMatchObject({ action: "oss:GetObject", decision: "ExplicitDeny", deciding: [{ policy: "no-models", statementIndex: 0, effect: "Deny" }] });
  });

  it("checks images against CR permissions and the wrong bucket against a bucket policy", () => {
    const needs = needsOf([{ oss: { path: "oss://other/", readOnly: true } }], [{ image: "registry.cn-hangzhou.aliyuncs.com/ml-team/asr:1.4" }]);
    const policies = [allow("models", ["oss:*"], ["acs:oss:*:*:models", "acs:oss:*:*:models/*"]), allow("cr", ["cr:Get*", "cr:Pull*"], ["*"])];
    expect(checkNeeds(needs, policies).map((r) => [r.need.kind, r.allowed])).toEqual([
      ["oss-mount", false],
      ["image-pull", true],
    ]);
  });

  it("a workspace-id need is decided by the config, not by policies", () => {
    const needs = analyseServiceConfig({ options: { enable_ram_role: true }, storage: [{ oss: { path: "oss://a/" } }] }, UID).needs;
    const results = checkNeeds(needs, [allow("all", ["oss:*"], ["*"])]);
    expect(results.map((r) => [r.need.kind, r.allowed])).toEqual([
      ["workspace-id", false],
      ["oss-mount", true],
    ]);
  });
});
