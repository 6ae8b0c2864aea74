import "server-only";
import { z } from "zod";
import { DEFAULT_EMULATOR_PORT, DEFAULT_REGIONS } from "./emulator-ports";
import { parseAllowedHosts } from "./net/allowed-hosts";
import { parseTrustedProxies } from "./net/client-address";
import { fieldOf, ruleOf } from "./errors/zod-rules";
import { DEFAULT_LOCALE, LOCALES } from "@/i18n/config";

// Every setting RoleScope reads, validated once. The README's configuration table lists the same names.

const hostPort = z
  .string()
  .regex(/^[A-Za-z0-9.-]+:\d{1,5}$/, "must be host:port with no scheme, e.g. 127.0.0.1:4610");

const regionList = z
  .string()
  .transform((s) => s.split(",").map((r) => r.trim()).filter(Boolean))
  .pipe(z.array(z.string().regex(/^[a-z]{2,}-[a-z0-9-]+$/, "each region must look like cn-hangzhou")).min(1, "must name at least one region"));

const trustedProxies = z
  .string()
  .optional()
  .transform((v, ctx) => {
    try {
      return parseTrustedProxies(v);
    } catch (err) {
      ctx.addIssue({ code: "custom", message: `must be a hop count or a comma-separated list of IP addresses and CIDR blocks: ${(err as Error).message}` });
      return z.NEVER;
    }
  });

const allowedHosts = z
  .string()
  .optional()
  .transform((v, ctx) => {
    try {
      return parseAllowedHosts(v);
    } catch (err) {
      ctx.addIssue({ code: "custom", message: `must be a comma-separated list of host[:port]: ${(err as Error).message}` });
      return z.NEVER;
    }
  });

// node-postgres reads the rest of the URL itself: user, password, host (or `?host=/socket/dir`), database, `sslmode`.
const databaseUrl = z
  .string()
  .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
  .refine((v) => URL.canParse(v), "must be a valid URL (percent-encode special characters in the password)");

const bool = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");

const envSchema = z.object({
  ROLESCOPE_CLOUD: z.enum(["emulator", "aliyun"]).default("emulator"),
  ROLESCOPE_REGIONS: regionList.prefault(DEFAULT_REGIONS.join(",")),
  EMULATOR_ENDPOINT: hostPort.default(`127.0.0.1:${DEFAULT_EMULATOR_PORT}`),
  EMULATOR_ACCESS_KEY_ID: z.string().min(1).default("LTAI5tRoleScopeEmulator"),
  EMULATOR_ACCESS_KEY_SECRET: z.string().min(1).default("RoleScopeEmulatorSecret0000000000"),
  ALIBABA_CLOUD_RAM_ENDPOINT: hostPort.or(z.string().regex(/^[a-z0-9.-]+$/)).default("ram.aliyuncs.com"),
  DB_PATH: z.string().min(1).default("data/rolescope.db"),
  DATABASE_URL: databaseUrl.optional(),
  DATABASE_POOL_MAX: z.coerce.number().int().min(2).max(200).default(10),
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(1000).max(600_000).default(30_000),
  ROLESCOPE_LEASE_SECONDS: z.coerce.number().int().min(5).max(3600).default(180),
  ROLESCOPE_DEMO: bool.optional(),
  ROLESCOPE_ADMIN_PASSWORD: z.string().min(12, "must be at least 12 characters").optional(),
  ROLESCOPE_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(7 * 24 * 60).default(120),
  ROLESCOPE_SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(30 * 24).default(12),
  ROLESCOPE_CLOUD_TIMEOUT_MS: z.coerce.number().int().min(500).max(120_000).default(10_000),
  ROLESCOPE_CACHE_TTL_MS: z.coerce.number().int().min(0).max(600_000).default(15_000),
  ROLESCOPE_READ_ONLY: bool.default(false),
  ROLESCOPE_TRUSTED_PROXIES: trustedProxies,
  /** Host names the console answers besides loopback ones on its port (see lib/net/allowed-hosts). */
  ROLESCOPE_ALLOWED_HOSTS: allowedHosts,
  /** The largest JSON or form body the console reads (1 KiB – 64 MiB). */
  ROLESCOPE_MAX_BODY_BYTES: z.coerce.number().int().min(1024).max(64 * 1024 * 1024).default(1024 * 1024),
  /**
   * LookupEvents calls a second, shared by every reader of the process: ActionTrail allows two per
   * account, and an account whose quota was raised, or the emulator, may allow more.
   */
  ROLESCOPE_ACTIONTRAIL_CALLS_PER_SECOND: z.coerce.number().min(0.1).max(50).default(2),
  ROLESCOPE_WEBHOOK_URL: z.url({ protocol: /^https?$/, error: "must be an http:// or https:// URL" }).optional(),
  /** The language of the sentence each webhook post carries (its codes are the same in both). */
  ROLESCOPE_WEBHOOK_LOCALE: z.enum(LOCALES).default(DEFAULT_LOCALE),
  /** Where the console's own cloud credentials come from: the emulator's root key, or the default chain. */
  ROLESCOPE_CREDENTIALS: z.enum(["emulator", "chain"]).optional(),
  /** The file EAS injects into an instance; no SDK provider reads it. */
  ROLESCOPE_CREDENTIALS_FILE: z.string().min(1).default("/etc/ram/credentials"),
  /** Connect and read timeout of one fetch from a credentials source (URI, metadata service, STS for OIDC). */
  ROLESCOPE_CREDENTIALS_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5_000),
});

type Parsed = z.infer<typeof envSchema>;
type CredentialsMode = "emulator" | "chain";
export type Env = Omit<Parsed, "ROLESCOPE_CREDENTIALS"> & { ROLESCOPE_CREDENTIALS: CredentialsMode; demo: boolean };

export class EnvError extends Error {
  constructor(readonly issues: string[]) {
    super(`RoleScope cannot start: invalid configuration\n${issues.map((i) => `  - ${i}`).join("\n")}`);
    this.name = "EnvError";
  }
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  // An empty variable means "not set", as in most shells' `VAR= cmd`.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    throw new EnvError(result.error.issues.map((i) => `${fieldOf(i, "environment")}: ${ruleOf(i)}`));
  }
  const env = result.data;
  if (env.ROLESCOPE_CREDENTIALS === "emulator" && env.ROLESCOPE_CLOUD !== "emulator") {
    throw new EnvError(["ROLESCOPE_CREDENTIALS: emulator works only with ROLESCOPE_CLOUD=emulator; a real account takes chain"]);
  }
  return {
    ...env,
    ROLESCOPE_CREDENTIALS: env.ROLESCOPE_CREDENTIALS ?? (env.ROLESCOPE_CLOUD === "emulator" ? "emulator" : "chain"),
    demo: env.ROLESCOPE_DEMO ?? env.ROLESCOPE_CLOUD === "emulator",
  };
}

let cached: Env | undefined;

export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
