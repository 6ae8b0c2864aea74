// @ts-check
// CommonJS, as Next loads a next.config.js in a package without "type": "module".
// eslint-disable-next-line @typescript-eslint/no-require-imports
const createNextIntlPlugin = require("next-intl/plugin");

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

// The Content-Security-Policy (with a per-request script nonce) and HSTS are set in proxy.ts;
// these hold for every answer, static files included.
const permissionsPolicy = ["accelerometer", "camera", "geolocation", "gyroscope", "magnetometer", "microphone", "payment", "usb"]
  .map((feature) => `${feature}=()`)
  .join(", ");

const securityHeaders = [
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Permissions-Policy", value: permissionsPolicy },
];

const maxBody = Number(process.env.ROLESCOPE_MAX_BODY_BYTES) || 1024 * 1024;

/** @type {import("next").NextConfig} */
const nextConfig = {
  // The cloud SDKs and the SQLite driver use Node built-ins; keep them out of the bundle.
  serverExternalPackages: [
    "better-sqlite3",
    "@alicloud/ram20150501",
    "@alicloud/openapi-core",
    "@alicloud/credentials",
    "@darabonba/typescript",
    "@zxcvbn-ts/core",
    "@zxcvbn-ts/language-common",
    "@zxcvbn-ts/language-en",
  ],
  // A separate build directory lets several builds (e.g. parallel e2e runs) coexist.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  reactStrictMode: true,
  experimental: {
    // `forbidden()` renders a 403 page for a signed-in user whose role lacks a permission.
    authInterrupts: true,
    // Next reads server-action bodies itself: the same cap as the API's (lib/http/body-limit.ts).
    serverActions: { bodySizeLimit: maxBody },
    // Next copies a body for proxy.ts, keeping at most this much: the route still sees it pass the cap.
    proxyClientMaxBodySize: maxBody + 1024 * 1024,
  },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

module.exports = withNextIntl(nextConfig);
