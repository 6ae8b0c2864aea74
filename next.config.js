// @ts-check
const createNextIntlPlugin = require("next-intl/plugin");

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

/** @type {import("next").NextConfig} */
const nextConfig = {
  // The cloud SDKs and the SQLite driver use Node built-ins; keep them out of the bundle.
  serverExternalPackages: [
    "better-sqlite3",
    "@alicloud/ram20150501",
    "@alicloud/openapi-core",
    "@alicloud/credentials",
    "@darabonba/typescript",
  ],
  // A separate build directory lets several builds (e.g. parallel e2e runs) coexist.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  reactStrictMode: true,
};

module.exports = withNextIntl(nextConfig);
