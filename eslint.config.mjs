import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import boundaries from "./eslint/boundaries.mjs";

// The code's boundaries, so they fail in the editor and in `npm run lint`. In flat config a later
// block that sets a rule replaces the earlier options for the files both match: each block below
// covers folders no other block sets no-restricted-imports for.

const KIT = ["components/ui/**"];
/** Modules that reach the browser, the e2e suite or the emulator: nothing server-side. */
const PURE = [
  "lib/async/**",
  "lib/errors/**",
  "lib/overview/**",
  "lib/policy/**",
  "lib/policy-view/**",
  "lib/wizard/**",
  "lib/actor.ts",
  "lib/auth/demo-users.ts",
  "lib/permissions.ts",
  "lib/auth/route-access.ts",
  "lib/auth/user-rules.ts",
];
/** Whole folders whose modules all hold credentials or reach the store. */
const SERVER = ["lib/db/**", "lib/auth/**", "lib/http/**", "lib/net/**", "lib/credentials/**", "lib/env.ts", "lib/cloud/index.ts", "lib/cloud/create-cloud.ts", "lib/cloud/ram-gateway.ts", "lib/cloud/eas-gateway.ts", "lib/cloud/sts-client.ts", "lib/cloud/client-config.ts", "lib/audit/index.ts"];
const TESTS = ["**/*.test.ts", "**/*.test.tsx"];

const noApp = { group: ["@/app/*", "**/app/*"], message: "components/ imports nothing from app/: move what both need to lib/ or components/." };

const boundaryRules = [
  {
    name: "rolescope/components",
    files: ["components/**/*.{ts,tsx}"],
    ignores: KIT,
    rules: { "no-restricted-imports": ["error", { patterns: [noApp] }] },
  },
  {
    // The kit is generic: it takes data types as generics and props, never from the console's own layers.
    name: "rolescope/kit",
    files: KIT,
    ignores: TESTS,
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            noApp,
            { group: ["@/lib/*", "**/lib/*"], message: "The kit (components/ui) imports nothing from lib/." },
            { group: ["@/components/*", "!@/components/ui", "!@/components/ui/*"], message: "The kit imports no feature components." },
          ],
        },
      ],
    },
  },
  {
    name: "rolescope/pure",
    files: PURE,
    ignores: TESTS,
    plugins: { rolescope: boundaries },
    rules: { "rolescope/no-server-imports": "error" },
  },
  {
    name: "rolescope/server-only",
    files: ["lib/**/*.{ts,tsx}"],
    ignores: [...PURE, ...TESTS],
    plugins: { rolescope: boundaries },
    rules: { "rolescope/server-only-first": "error" },
  },
  {
    name: "rolescope/server-folders",
    files: SERVER,
    ignores: [...PURE, ...TESTS],
    plugins: { rolescope: boundaries },
    rules: { "rolescope/server-only-first": ["error", { always: true }] },
  },
];

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  ...boundaryRules,
  // The emulator is an independent witness of the cloud: of the console it may use lib/policy
  // (the one evaluator both sides share by design) and nothing else. Its tests and test harness
  // drive it through the console's own clients, so they are outside the rule.
  {
    files: ["emulator/**/*.ts"],
    ignores: ["emulator/**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ regex: "^(?:(?:\\.\\./)+|@/)lib/(?!policy(?:/|$))", message: "The emulator imports nothing from lib/ but lib/policy: it must not share the console's model of the cloud." }] },
      ],
    },
  },
  globalIgnores([".next/**", ".next-*/**", "out/**", "build/**", "next-env.d.ts", "test-results/**", "playwright-report/**", "reports/**", "data/**"]),
]);
