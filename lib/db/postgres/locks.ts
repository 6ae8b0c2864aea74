import "server-only";
import { createHash } from "node:crypto";

// Advisory lock keys: RoleScope's own namespace, then a number derived from the lock's name, so
// other applications sharing the database keep their own keys.
const NAMESPACE = 0x52534350; // "RSCP"

export function lockKey(name: string): [number, number] {
  return [NAMESPACE, createHash("sha256").update(name).digest().readInt32BE(0)];
}

export const MIGRATIONS_LOCK = "schema-migrations";
