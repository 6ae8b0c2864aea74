import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { tsconfigPaths: true },
  test: {
    include: [
      "lib/**/*.test.{ts,tsx}",
      "emulator/**/*.test.ts",
      "components/**/*.test.tsx",
      "app/**/*.test.{ts,tsx}",
      "tests/**/*.test.{ts,tsx}",
    ],
    environment: "node",
    testTimeout: 20_000,
  },
});
