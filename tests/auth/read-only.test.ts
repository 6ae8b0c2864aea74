import { afterEach, describe, expect, it, vi } from "vitest";
import { SYSTEM_ACTOR } from "../../lib/actor";
import { ADMIN, ENGINEER } from "../support/actors";

// The one check write controls and write routes make. The environment is read once per process,
// so each case loads the modules afresh under its own ROLESCOPE_READ_ONLY.
async function load(readOnly: string) {
  vi.resetModules();
  vi.stubEnv("ROLESCOPE_READ_ONLY", readOnly);
  return import("../../lib/cloud/read-only");
}
afterEach(() => void vi.unstubAllEnvs());

describe("canWriteCloud and assertCloudWritable", () => {
  it("let admins write when the console may change the cloud, and nobody else", async () => {
    const m = await load("false");
    expect([m.canWriteCloud(ADMIN), m.canWriteCloud(ENGINEER), m.canWriteCloud(SYSTEM_ACTOR)]).toEqual([true, false, true]);
    expect(() => m.assertCloudWritable()).not.toThrow();
  });

  it("let nobody write in read-only mode, and refuse with read_only (403)", async () => {
    const m = await load("true");
    expect([m.isReadOnly(), m.canWriteCloud(ADMIN), m.canWriteCloud(SYSTEM_ACTOR)]).toEqual([true, false, false]);
    expect(() => m.assertCloudWritable()).toThrow(expect.objectContaining({ code: "read_only", status: 403 }));
  });
});
