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
  },
});
