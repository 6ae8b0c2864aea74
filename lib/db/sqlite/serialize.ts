import "server-only";
import type { Db } from "../connection";

// better-sqlite3 is synchronous and the process has one connection. A transaction here spans
// awaits (a state change, then its audit entry), so without care another request's statement
// could run on the connection in between and land inside it, committed or rolled back with it.
// The gate keeps that out: while a transaction is open, every statement from outside waits
// until it ends, and transactions run one after another.

export class ConnectionGate {
  private open: Promise<void> | null = null;

  constructor(private readonly db: Db) {}

  /** Runs synchronous work on the connection when no transaction is open. */
  async run<T>(work: () => T): Promise<T> {
    // The check and the work run in one synchronous step, so no transaction can begin between them.
    while (this.open) await this.open;
    return work();
  }

  async transaction<T>(fn: () => Promise<T>): Promise<T> {
    while (this.open) await this.open;
    let release!: () => void;
    this.open = new Promise<void>((resolve) => (release = resolve));
    try {
      this.db.exec("BEGIN IMMEDIATE");
      try {
        const out = await fn();
        this.db.exec("COMMIT");
        return out;
      } catch (err) {
        if (this.db.inTransaction) this.db.exec("ROLLBACK");
        throw err;
      }
    } finally {
      this.open = null;
      release();
    }
  }
}

/**
 * The store with each method behind the gate. Store methods do all their SQL before their first
 * await (better-sqlite3 has no async calls), so the gate's check covers every statement they run.
 */
export function gated<T extends object>(store: T, gate: ConnectionGate): T {
  const out = {} as Record<string, unknown>;
  for (const [key, value] of Object.entries(store)) {
    out[key] = typeof value === "function" ? (...args: unknown[]) => gate.run(() => (value as (...a: unknown[]) => unknown).apply(store, args)) : value;
  }
  return out as T;
}
