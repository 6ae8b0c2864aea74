// The emulator as a library: one HTTP server fed by the base port (RAM, STS, control API,
// credentials URI, EAS of the first region) and one port per region after it (EAS of that region).
import { createServer, type Server } from "node:http";
import { createServer as createNetServer, type Server as NetServer } from "node:net";
import { z } from "zod";
import { EmulatorApp } from "./core/app";
import { EmulatorClock } from "./core/clock";
import { CREDENTIALS_URI_TTL_SECONDS, DEFAULT_ACCESS_KEY_ID, DEFAULT_ACCESS_KEY_SECRET, DEFAULT_REGIONS } from "./core/defaults";
import { answerClientError, MAX_HEADER_BYTES } from "./core/http";
import { route } from "./core/router";

/** Region ids like `cn-hangzhou`, each once; region i is served on base port + 1 + i. */
export const regionListSchema = z
  .array(z.string().regex(/^[a-z]{2}(?:-[a-z0-9]+)+$/, "must be region ids like cn-hangzhou"))
  .min(1, "must name at least one region")
  .refine((list) => new Set(list).size === list.length, "must not name a region twice");

const emulatorOptionsSchema = z.object({
  port: z.number().int().min(0).max(65535).default(0),
  host: z.string().min(1).default("127.0.0.1"),
  dataDir: z.string().min(1).optional(),
  seed: z.enum(["demo", "empty"]).default("demo"),
  reset: z.boolean().default(false),
  regions: regionListSchema.default([...DEFAULT_REGIONS]),
  deployDelayMs: z.number().int().min(0).default(3000),
  accessKeyId: z.string().min(1).default(DEFAULT_ACCESS_KEY_ID),
  accessKeySecret: z.string().min(1).default(DEFAULT_ACCESS_KEY_SECRET),
  /** Role-not-found, PassRole-denied and trust failures at deploy all give the seed's one message. */
  genericRoleErrors: z.boolean().default(false),
  /** Every text of a failure a fixed code and a number (`opaque`), or the platform's words (`real`). */
  eventTexts: z.enum(["real", "opaque"]).default("real"),
  /** How UpdateService's merge treats nested objects: key by key (`deep`) or replaced whole (`shallow`). */
  updateMerge: z.enum(["deep", "shallow"]).default("deep"),
  /** Role served by `GET /credentials` (no role in the path). */
  credentialsRole: z.string().min(1).optional(),
  /** Lifetime of what the credentials endpoint hands out. Shorter than STS's 900 s minimum only so tests see many rotations. */
  credentialsTtlSeconds: z.number().int().min(1).max(43_200).default(CREDENTIALS_URI_TTL_SECONDS),
});

export type EmulatorOptions = z.input<typeof emulatorOptionsSchema> & {
  /** The time the emulator's clock starts from (real time by default); the control API moves it from there. */
  now?: () => Date;
  log?: (line: string) => void;
};

export interface RunningEmulator {
  url: string;
  port: number;
  regionPorts: Record<string, number>;
  close(): Promise<void>;
}

function listen(server: Server | NetServer, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (e: Error) => reject(e);
    server.once("error", onError);
    server.listen(port, host, () => {
      server.off("error", onError);
      const addr = server.address();
      resolve(typeof addr === "object" && addr ? addr.port : port);
    });
  });
}

const closeServer = (s: Server | NetServer) => new Promise<void>((r) => (s.listening ? s.close(() => r()) : r()));

/** Binds the base port and the region ports after it; with port 0, retries until a free run is found. */
async function bindPorts(http: Server, host: string, port: number, regions: number): Promise<{ base: number; extra: NetServer[] }> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const base = await listen(http, port, host);
    const extra: NetServer[] = [];
    try {
      for (let i = 0; i < regions; i++) {
        const s = createNetServer((socket) => http.emit("connection", socket));
        await listen(s, base + 1 + i, host);
        extra.push(s);
      }
      return { base, extra };
    } catch (e) {
      await Promise.all([...extra.map(closeServer), closeServer(http)]);
      if (port !== 0) throw e;
    }
  }
  throw new Error("no free run of ports found for the emulator");
}

export async function createEmulator(input: EmulatorOptions = {}): Promise<RunningEmulator> {
  const opts = emulatorOptionsSchema.parse(input);
  const clock = new EmulatorClock(input.now);
  const app = new EmulatorApp({
    regions: opts.regions,
    deployDelayMs: opts.deployDelayMs,
    root: { accessKeyId: opts.accessKeyId, accessKeySecret: opts.accessKeySecret },
    dataDir: opts.dataDir,
    seed: opts.seed,
    reset: opts.reset,
    clock,
    genericRoleErrors: opts.genericRoleErrors,
    eventTexts: opts.eventTexts,
    updateMerge: opts.updateMerge,
    credentialsRole: opts.credentialsRole,
    credentialsTtlSeconds: opts.credentialsTtlSeconds,
    log: input.log ?? ((l) => console.warn(l)),
  });
  app.init();

  const regionByPort = new Map<number, string>();
  // Policy documents travel in the query string: RAM's gateway takes request lines far past Node's 16 KiB default.
  const http = createServer({ maxHeaderSize: MAX_HEADER_BYTES }, (req, res) => {
    const local = req.socket.localPort ?? 0;
    const region = regionByPort.get(local) ?? opts.regions[0];
    void route(app, req, res, { region, base: local === base });
  });
  http.on("clientError", answerClientError);
  http.keepAliveTimeout = 5000;
  const { base, extra } = await bindPorts(http, opts.host, opts.port, opts.regions.length);
  const regionPorts: Record<string, number> = {};
  opts.regions.forEach((r, i) => {
    regionPorts[r] = base + 1 + i;
    regionByPort.set(base + 1 + i, r);
  });
  app.regionPorts = regionPorts;

  let closing: Promise<void> | undefined;
  return {
    url: `http://${opts.host}:${base}`,
    port: base,
    regionPorts,
    close() {
      closing ??= (async () => {
        app.close();
        http.closeAllConnections();
        await Promise.all([...extra.map(closeServer), closeServer(http)]);
      })();
      return closing;
    },
  };
}
