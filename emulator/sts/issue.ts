// Issues STS credentials for a role session and keeps them as state until they expire.
import { randomBytes } from "node:crypto";
import { isoSeconds } from "../core/http";
import type { StsCredentialRecord, RoleRecord } from "../ram/state";
import type { RamStore } from "../ram/store";

const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz123456789";

function randomText(n: number): string {
  const bytes = randomBytes(n);
  let s = "";
  for (let i = 0; i < n; i++) s += ALPHABET[bytes[i] % ALPHABET.length];
  return s;
}

export function issueCredentials(
  store: RamStore,
  role: RoleRecord,
  sessionName: string,
  durationSeconds: number,
  now: Date,
  sessionPolicy?: string,
): StsCredentialRecord {
  pruneExpired(store, now);
  const record: StsCredentialRecord = {
    accessKeyId: `STS.NU${randomText(26)}`,
    accessKeySecret: randomText(44),
    securityToken: `CAIS${randomBytes(180).toString("base64")}`,
    expiration: isoSeconds(new Date(now.getTime() + durationSeconds * 1000)),
    roleName: role.roleName,
    roleId: role.roleId,
    sessionName,
    ...(sessionPolicy ? { sessionPolicy } : {}),
  };
  store.state.sts[record.accessKeyId] = record;
  store.markDirty();
  return record;
}

/** Drops credentials a day past expiry: long enough to answer "expired" rather than "not found". */
function pruneExpired(store: RamStore, now: Date): void {
  const cutoff = now.getTime() - 24 * 3600 * 1000;
  for (const [id, c] of Object.entries(store.state.sts)) {
    if (Date.parse(c.expiration) < cutoff) delete store.state.sts[id];
  }
}

export function assumedRoleUser(store: RamStore, role: RoleRecord, sessionName: string) {
  return {
    Arn: `acs:ram::${store.accountId}:role/${role.roleName.toLowerCase()}/${sessionName}`,
    AssumedRoleId: `${role.roleId}:${sessionName}`,
  };
}
