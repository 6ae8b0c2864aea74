// The emulator's switches a suite runs under. `npm test` runs the diagnosis, preflight and fix
// suites once as usual and once more under the modes the CI stage names
// (ROLESCOPE_EMULATOR_MODES=event-texts-opaque,update-merge-shallow), so what they prove holds
// when the platform's words say nothing and when UpdateService merges only top-level keys.
import type { EmulatorOptions } from "../../emulator/server";

export type EmulatorMode = "real" | "generic-role-errors" | "event-texts-opaque" | "update-merge-shallow";

const OPTIONS: Record<EmulatorMode, Partial<EmulatorOptions>> = {
  real: {},
  "generic-role-errors": { genericRoleErrors: true },
  "event-texts-opaque": { eventTexts: "opaque" },
  "update-merge-shallow": { updateMerge: "shallow" },
};

/** The modes named by ROLESCOPE_EMULATOR_MODES, else `fallback`. An unknown name fails the run. */
export function emulatorModes(fallback: EmulatorMode[] = ["real"]): EmulatorMode[] {
  const raw = process.env.ROLESCOPE_EMULATOR_MODES?.trim();
  if (!raw) return fallback;
  return raw.split(",").map((m) => {
    const mode = m.trim() as EmulatorMode;
    if (!(mode in OPTIONS)) throw new Error(`ROLESCOPE_EMULATOR_MODES: unknown mode "${m}" (modes: ${Object.keys(OPTIONS).join(", ")})`);
    return mode;
  });
}

export const modeOptions = (mode: EmulatorMode): Partial<EmulatorOptions> => OPTIONS[mode];
