import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testPostgres, type TempPostgres } from "../../tests/db/postgres-server";
import { postgresBus } from "./pg-bus";

// The bus on a real PostgreSQL: a notification from one replica reaches the other, and a
// listener whose connection is cut reconnects, says so (resync), and hears again.

let server: TempPostgres & { owned: boolean };
let url: string;
beforeAll(async () => {
  server = testPostgres();
  url = await server.createDatabase();
}, 60_000);
afterAll(() => {
  if (server?.owned) server.stop();
});

function listener(channel: string) {
  const heard: string[] = [];
  let resyncs = 0;
  const bus = postgresBus({ url, channel, retryMs: 50, log: () => {} });
  bus.subscribe({ message: (p) => heard.push(p), resync: () => resyncs++ });
  return { bus, heard, resyncs: () => resyncs };
}

describe("the PostgreSQL bus", () => {
  it("carries a notification to every listener, and reconnects after its connection is cut", async () => {
    const a = listener("test_bus");
    const b = listener("test_bus");
    await expect.poll(() => a.resyncs() + b.resyncs()).toBe(2);
    await a.bus.publish("one");
    // Each listener hears on its own connection, so neither arrival orders the other.
    await expect.poll(() => ({ a: a.heard, b: b.heard })).toEqual({ a: ["one"], b: ["one"] });

    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'rolescope-coherence' AND query LIKE 'LISTEN%'");
    await expect.poll(() => b.resyncs(), { timeout: 5_000 }).toBe(2);
    await a.bus.publish("two");
    await expect.poll(() => b.heard).toEqual(["one", "two"]);
    await admin.end();
    await Promise.all([a.bus.close(), b.bus.close()]);
  });
});
