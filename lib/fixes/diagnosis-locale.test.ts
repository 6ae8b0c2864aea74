import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEmulator, type RunningEmulator } from "../../emulator/server";
import { createCloud } from "../cloud/create-cloud";
import { parseEnv } from "../env";
import { createInventoryDeps } from "../inventory/deps";
import { ENGINEER } from "../../tests/support/actors";
import { diagnosisBody } from "./diagnosis-body";
import { loadFixes, type DiagnosisWithFixes } from "./load-fixes";

// A Chinese reader gets the fix titles, the cause summary and the advice in Chinese; the preview
// (and its token) is the same in both languages, so a preview read in one applies in the other.
const HZ = "cn-hangzhou";
const CJK = /[\u4e00-\u9fff]/;

describe("a diagnosis in the reader's language", () => {
  let emu: RunningEmulator;
  let loaded: DiagnosisWithFixes;

  beforeAll(async () => {
    emu = await createEmulator({ port: 0, seed: "demo", deployDelayMs: 20, log: () => {} });
    const cloud = createCloud(parseEnv({ ROLESCOPE_CLOUD: "emulator", EMULATOR_ENDPOINT: `127.0.0.1:${emu.port}`, ROLESCOPE_REGIONS: Object.keys(emu.regionPorts).join(",") }));
    loaded = await loadFixes(createInventoryDeps(cloud), ENGINEER, HZ, "churn-predictor");
  });
  afterAll(() => emu.close());

  it("words fix titles and the summary in Chinese for zh-CN, in English otherwise, with the same previews", () => {
    const zh = diagnosisBody(loaded, HZ, "zh-CN");
    const en = diagnosisBody(loaded, HZ, "en");
    expect(zh.fixes.length).toBeGreaterThan(0);
    for (const f of zh.fixes) expect(f.title).toMatch(CJK);
    for (const f of en.fixes) expect(f.title).not.toMatch(CJK);
    expect(zh.cause.summary).toMatch(CJK);
    expect(zh.fixes.map((f) => f.preview.token)).toEqual(en.fixes.map((f) => f.preview.token));
    // The audit log keeps the plan's English title whatever the reader's language.
    expect(loaded.fixes.map((f) => f.title)).toEqual(en.fixes.map((f) => f.title));
  });
});
