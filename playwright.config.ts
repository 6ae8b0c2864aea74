import { defineConfig, devices } from "@playwright/test";

// End-to-end tests run against the production build (`next build` first) and a fresh
// emulator seeded with the demo account, on ports of their own.
const PORT = Number(process.env.E2E_PORT ?? 3210);
const EMULATOR_PORT = Number(process.env.E2E_EMULATOR_PORT ?? 4710);
const baseURL = `http://127.0.0.1:${PORT}`;

// The console's output goes to a file too, so a spec can check that no secret was ever logged.
const SERVER_LOG = `data/e2e-${PORT}-server.log`;

export const e2eEnv = {
  EMULATOR_URL: `http://127.0.0.1:${EMULATOR_PORT}`,
  SERVER_LOG,
};

export default defineConfig({
  testDir: "./e2e",
  outputDir: `./test-results/${PORT}`,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  // npm test runs two shards side by side on two cores: a spec's own pace is not the limit.
  timeout: 60_000,
  // A page that loads in one second alone can take several beside the other shard.
  expect: { timeout: 10_000 },
  use: { baseURL, trace: "retain-on-failure", screenshot: "only-on-failure" },
  projects: [
    {
      name: "debian-chromium",
      use: {
        ...devices["Desktop Chrome"],
        viewport: { width: 1440, height: 900 },
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
          ],
        },
      },
    },
  ],
  webServer: [
    {
      command: `npx tsx emulator/main.ts --port ${EMULATOR_PORT} --data data/e2e-emulator-${EMULATOR_PORT} --seed demo --reset --deploy-ms 300`,
      url: `http://127.0.0.1:${EMULATOR_PORT}/_emulator/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "pipe",
    },
    {
      // As npm start does (scripts/start-options.mjs): a request context reusing an idle connection
      // just as the server dropped it got ECONNRESET with Node's 5 s keep-alive.
      command: `sh -c 'mkdir -p data && npx next start -p ${PORT} -H 127.0.0.1 --keepAliveTimeout 75000 2>&1 | tee ${SERVER_LOG}'`,
      url: `${baseURL}/api/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: {
        NEXT_TELEMETRY_DISABLED: "1",
        ROLESCOPE_CLOUD: "emulator",
        EMULATOR_ENDPOINT: `127.0.0.1:${EMULATOR_PORT}`,
        DB_PATH: `data/e2e-${PORT}.db`,
        ...(process.env.NEXT_DIST_DIR ? { NEXT_DIST_DIR: process.env.NEXT_DIST_DIR } : {}),
        ALIBABA_CLOUD_ECS_METADATA_DISABLED: "true",
        // The emulator does not throttle LookupEvents: reading the account's 90 days at ActionTrail's
        // two calls a second would make the overview's unused-access panel take minutes per spec.
        ROLESCOPE_ACTIONTRAIL_CALLS_PER_SECOND: "20",
      },
    },
  ],
});
