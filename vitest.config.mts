import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    tsconfigPaths: true,
    // Tests run server code on purpose: give "server-only" the empty module React's server build gets.
    alias: { "server-only": fileURLToPath(new URL("./node_modules/server-only/empty.js", import.meta.url)) },
  },
  test: {
    include: [
      "lib/**/*.test.{ts,tsx}",
      "emulator/**/*.test.ts",
      "components/**/*.test.tsx",
      "app/**/*.test.{ts,tsx}",
      "tests/**/*.test.{ts,tsx}",
    ],
    // Needs a production build: scripts/test.sh runs it after `next build`.
    exclude: ["**/node_modules/**", "tests/replicas/**"],
    environment: "node",
    testTimeout: 20_000,
    // Vitest's default is one worker fewer than the cores: one worker on a two-core machine. Many
    // files wait on emulators, PostgreSQL and child processes rather than the CPU, so two overlap
    // (the whole unit stage went from 536 s to 323 s here).
    maxWorkers: 2,
  },
});
