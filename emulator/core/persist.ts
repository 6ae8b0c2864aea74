// One JSON file under --data: RAM state, issued STS credentials and EAS's snapshot. Written
// atomically (tmp + rename), debounced, and flushed on close; readable by its owner only, since
// it holds AccessKey secrets.
import { closeSync, existsSync, fchmodSync, mkdirSync, openSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import type { RamState } from "../ram/state";
import { STATE_FILE, STATE_SHAPE_VERSION } from "./defaults";

export interface PersistedState {
  shape: number;
  savedAt: string;
  ram: RamState;
  eas?: unknown;
  /** The event history (absent in files written before it existed). */
  activity?: unknown;
}

const entity = z.object({ policies: z.array(z.object({ policyType: z.string(), policyName: z.string(), attachDate: z.string() })) });
const persistedSchema = z.object({
  shape: z.literal(STATE_SHAPE_VERSION),
  savedAt: z.string(),
  ram: z.object({
    accountId: z.string(),
    roles: z.record(z.string(), entity.extend({ roleName: z.string(), roleId: z.string(), assumeRolePolicyDocument: z.string() })),
    users: z.record(z.string(), entity.extend({ userName: z.string(), userId: z.string() })),
    // Absent in files written before groups existed; adoptRam adds an empty map.
    groups: z.record(z.string(), entity.extend({ groupName: z.string(), groupId: z.string(), members: z.array(z.object({ userName: z.string(), joinDate: z.string() })) })).optional(),
    policies: z.record(z.string(), z.object({ policyName: z.string(), defaultVersion: z.string(), versions: z.array(z.object({ versionId: z.string(), document: z.string() })) })),
    accessKeys: z.record(z.string(), z.object({ accessKeyId: z.string(), accessKeySecret: z.string() })),
    sts: z.record(z.string(), z.object({ accessKeyId: z.string(), securityToken: z.string(), expiration: z.string(), roleName: z.string() })),
    nextId: z.number(),
  }),
  eas: z.unknown().optional(),
  activity: z.unknown().optional(),
});

export class StateFile {
  private timer: NodeJS.Timeout | undefined;
  private readonly path: string;

  constructor(
    dir: string,
    private readonly collect: () => PersistedState,
    private readonly debounceMs = 100,
    private readonly warn: (msg: string) => void = (m) => console.warn(m),
  ) {
    mkdirSync(dir, { recursive: true });
    this.path = join(dir, STATE_FILE);
  }

  /** The saved state, or undefined (with a warning) when there is none or it has an older shape. */
  load(): PersistedState | undefined {
    if (!existsSync(this.path)) return undefined;
    try {
      const raw: unknown = JSON.parse(readFileSync(this.path, "utf8"));
      // The schema checks the shape; the raw object is kept, since zod would strip the fields it does not name.
      if (persistedSchema.safeParse(raw).success) return raw as PersistedState;
      this.warn(`emulator: ${this.path} has an older or unknown shape; starting from the seed instead.`);
    } catch (e) {
      this.warn(`emulator: cannot read ${this.path} (${e instanceof Error ? e.message : String(e)}); starting from the seed instead.`);
    }
    return undefined;
  }

  schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.write();
    }, this.debounceMs);
    this.timer.unref?.();
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.write();
  }

  private write(): void {
    writePrivateFile(this.path, JSON.stringify(this.collect()));
  }
}

const PRIVATE_FILE_MODE = 0o600;

/** Writes through a temp file created 0600 (and made so, should one be left over), then renames it over `path`. */
export function writePrivateFile(path: string, text: string): void {
  const tmp = `${path}.${process.pid}.tmp`;
  const fd = openSync(tmp, "w", PRIVATE_FILE_MODE);
  try {
    fchmodSync(fd, PRIVATE_FILE_MODE);
    writeFileSync(fd, text);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
}
