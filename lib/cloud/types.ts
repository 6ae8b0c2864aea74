// What pages and server code see of the cloud. Implementations live beside this file and are
// the only code that talks to RAM or EAS; the emulator and a real account look the same here.
import type { EasGateway } from "./eas-types";
import type { RamGateway } from "./ram-types";
import type { ActionTrailGateway, RamAuditGateway } from "./trail-types";

export * from "../errors/cloud-error";
export * from "./common";
export * from "./ram-types";
export * from "./eas-types";
export * from "./trail-types";

export interface Cloud {
  ram: RamGateway;
  eas: EasGateway;
  /** Events of the account (a cloud built without it, as some tests' are, reads no activity). */
  actiontrail?: ActionTrailGateway;
  /** RAM's permission audit: last access per service. */
  ramAudit?: RamAuditGateway;
  /** What the console talks to, for the header badge and /api/health. Never a secret. */
  describe(): CloudDescription;
}

/**
 * Where the console's cloud calls go. Holds no secret. The account is not configuration: the
 * loaders learn it from a role's ARN or the caller's identity (lib/inventory/fetch.ts).
 */
export interface CloudDescription {
  mode: "emulator" | "aliyun";
  endpoint: string;
  regions: string[];
}
