import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// The replicas test runs `next start` of a production build, so `npm test` runs it after the
// build, on its own (scripts/test.sh): `npx vitest run --config tests/replicas/vitest.config.mts`.
export default defineConfig({
  root: fileURLToPath(new URL("../..", import.meta.url)),
  resolve: {
    tsconfigPaths: true,
    alias: { "server-only": fileURLToPath(new URL("../../node_modules/server-only/empty.js", import.meta.url)) },
  },
  test: { include: ["tests/replicas/**/*.test.ts"], environment: "node", testTimeout: 120_000, hookTimeout: 240_000, fileParallelism: false },
});
