// `npm run emulator -- --port 4610 --data data/emulator [--seed demo|empty] [--reset] [--deploy-ms N]
//   [--regions cn-hangzhou,ap-southeast-1] [--generic-role-errors] [--event-texts real|opaque] [--update-merge deep|shallow]
//   [--credentials-role NAME] [--credentials-ttl-seconds N]`
import { parseArgs } from "node:util";
import { z } from "zod";
import { DEFAULT_ACCESS_KEY_ID, DEFAULT_ACCESS_KEY_SECRET, DEFAULT_EMULATOR_PORT, DEFAULT_REGIONS } from "./core/defaults";
import { createEmulator, regionListSchema } from "./server";

const argsSchema = z.object({
  port: z.coerce.number().int().min(1).max(65535).default(DEFAULT_EMULATOR_PORT),
  data: z.string().min(1).optional(),
  seed: z.enum(["demo", "empty"]).default("demo"),
  reset: z.boolean().default(false),
  "generic-role-errors": z.boolean().default(false),
  "event-texts": z.enum(["real", "opaque"]).default("real"),
  "update-merge": z.enum(["deep", "shallow"]).default("deep"),
  "deploy-ms": z.coerce.number().int().min(0).default(3000),
  "credentials-role": z.string().min(1).optional(),
  "credentials-ttl-seconds": z.coerce.number().int().min(1).max(43_200).optional(),
  host: z.string().min(1).default("127.0.0.1"),
  regions: z
    .string()
    .default(DEFAULT_REGIONS.join(","))
    .transform((v) => v.split(",").map((r) => r.trim()).filter(Boolean))
    .pipe(regionListSchema),
});

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: "string" },
      data: { type: "string" },
      seed: { type: "string" },
      reset: { type: "boolean" },
      "generic-role-errors": { type: "boolean" },
      "event-texts": { type: "string" },
      "update-merge": { type: "string" },
      "deploy-ms": { type: "string" },
      "credentials-role": { type: "string" },
      "credentials-ttl-seconds": { type: "string" },
      host: { type: "string" },
      regions: { type: "string" },
    },
  });
  const parsed = argsSchema.safeParse(values);
  if (!parsed.success) {
    console.error(`emulator: ${parsed.error.issues.map((i) => `--${i.path.join(".")}: ${i.message}`).join("; ")}`);
    process.exit(2);
  }
  const a = parsed.data;
  const emulator = await createEmulator({
    port: a.port,
    host: a.host,
    regions: a.regions,
    dataDir: a.data,
    seed: a.seed,
    reset: a.reset,
    genericRoleErrors: a["generic-role-errors"],
    eventTexts: a["event-texts"],
    updateMerge: a["update-merge"],
    deployDelayMs: a["deploy-ms"],
    accessKeyId: process.env.EMULATOR_ACCESS_KEY_ID || DEFAULT_ACCESS_KEY_ID,
    accessKeySecret: process.env.EMULATOR_ACCESS_KEY_SECRET || DEFAULT_ACCESS_KEY_SECRET,
    credentialsRole: a["credentials-role"] ?? (process.env.EMULATOR_CREDENTIALS_ROLE || undefined),
    credentialsTtlSeconds: a["credentials-ttl-seconds"],
  });
  const regions = Object.entries(emulator.regionPorts).map(([r, p]) => `${r}=${p}`).join(", ");
  console.log(`RoleScope emulator listening on ${emulator.url} (EAS regions: ${regions}; state: ${a.data ?? "in memory"})`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`emulator: ${signal}, saving state and stopping`);
    emulator.close().then(
      () => process.exit(0),
      (e: unknown) => {
        console.error(`emulator: close failed: ${e instanceof Error ? e.message : String(e)}`);
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

main().catch((e: unknown) => {
  console.error(`emulator: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
