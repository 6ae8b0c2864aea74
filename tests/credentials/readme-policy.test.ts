import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CLOUD_OPERATIONS } from "../../lib/cloud/operations";
import { buildConsolePolicy, type ConsolePolicyMode } from "../../lib/policy";

// README shows both generated policies; they must be what `npm run console-policy` prints today.
const readme = readFileSync(join(__dirname, "../../README.md"), "utf8");

function shown(mode: ConsolePolicyMode): unknown {
  const m = readme.match(new RegExp(`<!-- console-policy ${mode} -->\\n\`\`\`json\\n([\\s\\S]*?)\\n\`\`\``));
  expect(m, `README's ${mode} policy block`).not.toBeNull();
  return JSON.parse(m![1]);
}

describe("README's console policies", () => {
  for (const mode of ["read-only", "full"] as const) {
    it(`shows the ${mode} policy the generator builds`, () => {
      const built = JSON.parse(JSON.stringify(buildConsolePolicy(CLOUD_OPERATIONS, { mode })));
      expect(shown(mode)).toEqual(built);
    });
  }
});
