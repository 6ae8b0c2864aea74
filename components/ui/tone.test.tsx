import { describe, expect, it } from "vitest";
import { statusTone } from "./tone";

describe("statusTone", () => {
  it("gives each EAS status its meaning and an unknown one the neutral tone", () => {
    expect(statusTone("Failed")).toBe("danger");
    expect(statusTone("Running")).toBe("success");
    expect(statusTone("Paused")).toBe("neutral");
  });

  it("treats a status named like an Object property as unknown", () => {
    for (const status of ["constructor", "__proto__", "toString", "hasOwnProperty"]) expect(statusTone(status)).toBe("neutral");
  });
});
