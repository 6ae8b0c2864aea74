// The seam between the emulator's core (server, auth, RAM, STS, persistence) and its EAS
// half. Both sides code against this file only.
import type { EvaluationResult, NamedPolicy, RequestContext } from "../../lib/policy/types";
import type { EasPlatform } from "../eas/platform";

export const DEFAULT_ACCOUNT_ID = "1784200000000001";
export const EAS_SERVICE_PRINCIPAL = "eas.pai.aliyuncs.com";

/** Who signed the request, after signature (and STS token) verification. */
export type Caller =
  | { kind: "root"; accountId: string; accessKeyId: string }
  | { kind: "user"; accountId: string; accessKeyId: string; userName: string; userId: string }
  | {
      kind: "assumed-role";
      accountId: string;
      accessKeyId: string;
      roleName: string;
      roleId: string;
      sessionName: string;
    };

/** An error the emulator answers with: the real code, HTTP status and message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Extra top-level fields in the error body, e.g. AccessDeniedDetail. */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export interface RoleView {
  roleName: string;
  roleId: string;
  arn: string;
  assumeRolePolicyDocument: string;
}

/** What EAS may read of RAM: the live state, never a copy. */
export interface RamView {
  accountId: string;
  getRole(roleName: string): RoleView | undefined;
  /** Parsed documents (default versions) of the policies attached to a role. */
  policiesForRole(roleName: string): NamedPolicy[];
  /** A user's own policies and those of the groups it belongs to. */
  policiesForUser(userName: string): NamedPolicy[];
  /**
   * May `caller` do `action` on `resource`? Root is always allowed; users and assumed roles
   * go through lib/policy with their attached policies.
   */
  authorize(caller: Caller, action: string, resource: string, context?: RequestContext): EvaluationResult;
}

export interface EasRequest {
  method: string;
  /** The path as sent, still percent-encoded, e.g. `/api/v2/services/cn-hangzhou/echo/events`; each segment is decoded on its own, so a name may hold `/`. */
  pathname: string;
  query: Record<string, string>;
  body: string;
}

export interface EasResponse {
  status: number;
  body: Record<string, unknown>;
}

export interface EasContext {
  /** The region of the endpoint the request arrived on. */
  region: string;
  caller: Caller;
  ram: RamView;
  requestId: string;
  now(): Date;
  /** Tell the core that EAS state changed and must be persisted. */
  markDirty(): void;
}

/** The EAS half, as the core sees it. */
interface EasModule {
  /** Answers one EAS request or throws ApiError. */
  handle(req: EasRequest, ctx: EasContext): EasResponse;
  /** State to persist (plain JSON). */
  snapshot(): unknown;
  /** Stop timers (deployments in flight); used by close() and reset. */
  dispose(): void;
}

export interface EasModuleInit {
  regions: string[];
  /** How long a simulated deployment takes before its outcome is written. */
  deployDelayMs: number;
  /** What snapshot() returned last time, or undefined for an empty EAS. */
  state?: unknown;
  ram: RamView;
  /** Called whenever EAS state changed (the core persists, debounced). */
  onChange(): void;
  now?: () => Date;
  /** Instance faults, quotas, the registry, generic role errors (defaults when absent). */
  platform?: EasPlatform;
}

/** Implemented by emulator/eas/index.ts as `createEasModule(init)`. */
export type CreateEasModule = (init: EasModuleInit) => EasModuleInstance;

export type EasModuleInstance = EasModule & {
  /** Finishes every deployment in flight at once (seeding and tests). */
  settle(): void;
  /** Makes a running service's instances die now, per the platform's instance fault; false when it is not running. */
  applyInstanceFault(region: string, name: string): boolean;
  /** CPU cores, memory (MB) and GPUs the region's running services hold. */
  usage(region: string): { cpu: number; memory: number; gpu: number };
};
