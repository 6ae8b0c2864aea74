import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  // The emulator is an independent witness of the cloud: of the console it may use lib/policy
  // (the one evaluator both sides share by design) and nothing else. Its tests and test harness
  // drive it through the console's own clients, so they are outside the rule.
  {
    files: ["emulator/**/*.ts"],
    ignores: ["emulator/**/*.test.ts", "emulator/testing/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ regex: "^(?:(?:\\.\\./)+|@/)lib/(?!policy(?:/|$))", message: "The emulator imports nothing from lib/ but lib/policy: it must not share the console's model of the cloud." }] },
      ],
    },
  },
  globalIgnores([".next/**", ".next-*/**", "out/**", "build/**", "next-env.d.ts", "test-results/**", "playwright-report/**", "reports/**", "data/**"]),
]);
