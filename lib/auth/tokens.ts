import "server-only";
import { createHash, randomBytes } from "node:crypto";

// The cookie carries a random id; the store keeps only its SHA-256, so a leaked table cannot be replayed.
export function newSessionId(): string {
  return randomBytes(32).toString("base64url");
}

export function hashSessionId(id: string): string {
  return createHash("sha256").update(id).digest("hex");
}
