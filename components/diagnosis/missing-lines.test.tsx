import { describe, expect, it } from "vitest";
import { diffJsonLines } from "@/lib/policy/json-lines";
import { missingLines } from "./missing-lines";

describe("missingLines", () => {
  it("marks the principal a trust policy lacks, not the line that only gains a comma", () => {
    const before = { Version: "1", Statement: [{ Effect: "Allow", Action: ["sts:AssumeRole"], Principal: { Service: ["ecs.aliyuncs.com"] } }] };
    const after = { Version: "1", Statement: [{ Effect: "Allow", Action: ["sts:AssumeRole"], Principal: { Service: ["ecs.aliyuncs.com", "eas.pai.aliyuncs.com"] } }] };
    const lines = missingLines(diffJsonLines(JSON.stringify(before, null, 2), JSON.stringify(after, null, 2)));
    expect(lines.filter((l) => l.missing).map((l) => l.text.trim())).toEqual(['"eas.pai.aliyuncs.com"']);
    expect(lines.map((l) => l.text.trim())).toContain('"ecs.aliyuncs.com",');
    expect(lines.filter((l) => l.text.includes("ecs.aliyuncs.com"))).toHaveLength(1);
  });
});
