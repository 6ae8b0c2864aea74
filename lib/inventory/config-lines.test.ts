import { describe, expect, it } from "vitest";
import { ramFieldLines } from "./config-lines";

describe("ramFieldLines", () => {
  it("finds the RAM fields by their path, not by key name alone", () => {
    const config = {
      name: "image-tagger",
      metadata: { instance: 1, workspace_id: "123" },
      containers: [{ image: "x", options: { enable_ram_role: "not this one" } }],
      options: { enable_ram_role: true },
      role_arn: "acs:ram::1784200000000001:role/eas-oss-reader",
      storage: [{ oss: { path: "oss://b/", readOnly: true }, mount_path: "/mnt" }],
    };
    const text = JSON.stringify(config, null, 2);
    const lines = text.split("\n");
    const found = [...ramFieldLines(text)].map(([i, path]) => [lines[i].trim(), path]);
    expect(found).toEqual([
      ['"workspace_id": "123"', "metadata.workspace_id"],
      ['"enable_ram_role": true', "options.enable_ram_role"],
      ['"role_arn": "acs:ram::1784200000000001:role/eas-oss-reader",', "role_arn"],
    ]);
  });

  it("reads the credential.role_arn alias and ignores text that is not JSON", () => {
    const text = JSON.stringify({ credential: { role_arn: "acs:ram::1:role/r" } }, null, 2);
    expect([...ramFieldLines(text).values()]).toEqual(["credential.role_arn"]);
    expect(ramFieldLines("not json").size).toBe(0);
  });
});
