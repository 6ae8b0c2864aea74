import "server-only";
import pg from "pg";
import type { Bus } from "./cache-sync";

const CHANNEL = "rolescope_cache";

export interface PgBusOptions {
  url: string;
  channel?: string;
  /** First wait before reconnecting; doubles up to `maxRetryMs`. */
  retryMs?: number;
  maxRetryMs?: number;
  log?: (line: string) => void;
}

/**
 * LISTEN/NOTIFY on one channel. One connection of its own listens (a pooled one would be handed
 * to others); it reconnects with backoff whenever it is lost, and each time it starts listening is
 * reported as a `resync`. Notifications go out on a small pool, so a sender never waits for the listener.
 */
export function postgresBus(opts: PgBusOptions): Bus {
  const channel = opts.channel ?? CHANNEL;
  const log = opts.log ?? ((line: string) => console.warn(line));
  const sender = new pg.Pool({ connectionString: opts.url, max: 2, application_name: "rolescope-coherence" });
  sender.on("error", () => {});
  let handlers: Parameters<Bus["subscribe"]>[0] | undefined;
  let client: pg.Client | undefined;
  let closed = false;
  let wait = opts.retryMs ?? 250;
  let timer: NodeJS.Timeout | undefined;

  const connect = async (again: boolean) => {
    const c = new pg.Client({ connectionString: opts.url, keepAlive: true, application_name: "rolescope-coherence" });
    client = c;
    let lost = false;
    const onLost = (why: string) => {
      if (lost || closed) return;
      lost = true;
      c.removeAllListeners("notification");
      void c.end().catch(() => {});
      log(`RoleScope: cache coherence lost its PostgreSQL connection (${why}); reconnecting.`);
      timer = setTimeout(() => void connect(true), wait);
      wait = Math.min(wait * 2, opts.maxRetryMs ?? 10_000);
    };
    c.on("error", (err) => onLost(err.message));
    c.on("end", () => onLost("closed"));
    c.on("notification", (n) => {
      if (n.channel === channel && n.payload !== undefined) handlers?.message(n.payload);
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    } catch (err) {
      onLost((err as Error).message);
      return;
    }
    wait = opts.retryMs ?? 250;
    // Whatever was cached before this connection listened may have missed a notification.
    if (again) log("RoleScope: cache coherence reconnected; dropping the cache once, since notifications may have been missed.");
    handlers?.resync();
  };

  return {
    async publish(payload) {
      await sender.query("SELECT pg_notify($1, $2)", [channel, payload]);
    },
    subscribe(h) {
      handlers = h;
      void connect(false);
    },
    async close() {
      closed = true;
      clearTimeout(timer);
      await Promise.all([client?.end().catch(() => {}), sender.end().catch(() => {})]);
    },
  };
}
