import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// The soak: minutes of credential rotations. `npm test` runs it beside its other stages
// (scripts/test.sh); alone: `npx vitest run --config vitest.soak.config.mts` (SOAK_SECONDS=300).
const seconds = Number(process.env.SOAK_SECONDS ?? 300);

export default defineConfig({
  resolve: {
    tsconfigPaths: true,
    alias: { "server-only": fileURLToPath(new URL("./node_modules/server-only/empty.js", import.meta.url)) },
  },
  test: {
    include: ["tests/soak/**/*.soak.ts"],
    environment: "node",
    testTimeout: (seconds + 120) * 1000,
    hookTimeout: 60_000,
  },
});
