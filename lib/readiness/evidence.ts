// The shapes of what a readiness rule finds: evidence, the fixes an admin can apply, and where
// to look otherwise. Plain JSON, the same for the API, the pages and the fleet view.
import type { EvaluationResult, PolicyDocument } from "../policy/types";
import type { ServiceRoleUse } from "./use";

/** What EAS said about a deployment: an event, or the service's own Reason and Message. */
export interface DeployEvent {
  type: string;
  reason: string;
  message: string;
  time?: string;
}

export interface StatementRef {
  policy: string;
  statementIndex: number;
  effect: "Allow" | "Deny";
}

/** A diff line of a document and what it would become: `add` lines are what is missing. */
export interface DocLine {
  kind: "same" | "add" | "del";
  text: string;
}

type NeedKindRef = ServiceRoleUse["needs"][number]["kind"];

export type Evidence =
  | { kind: "event"; event: DeployEvent }
  | { kind: "role-missing"; roleName?: string; roleArn?: string; reason: "not-found" | "malformed-arn" | "other-account"; cloud?: { code: string; requestId?: string } }
  | { kind: "trust"; roleName: string; document: string; lines: DocLine[]; easCanAssume: false; deny?: StatementRef; unreadable?: string }
  | { kind: "passrole"; userName: string; uid: string; roleArn: string; decision: EvaluationResult["decision"]; deciding?: StatementRef; required: string }
  | { kind: "need"; roleName?: string; need: { kind: NeedKindRef; path: string; target: string }; action: string; resource: string; decision: EvaluationResult["decision"]; deciding?: StatementRef }
  | { kind: "service-linked-role"; roleName: string; cloud?: { code: string; requestId?: string } }
  | { kind: "config-field"; path: string; neededBy: string[] }
  | { kind: "resources"; region: string; instances: number; perInstance: { cpu: number; memory: number; gpu: number }; short: string[]; nodes?: number }
  | { kind: "image"; image: string; problem: "no-such-host" | "not-found"; host?: string; repository?: string }
  | { kind: "instances"; names: string[]; memoryLimitMb?: number; exitCode?: number };

/** A change an admin can apply; lib/fixes turns each into a previewed write plan. */
export type FixProposal =
  | { id: "add-eas-trust"; kind: "add-trust-principal"; roleName: string }
  | { id: `attach-policy:${string}`; kind: "attach-policy"; roleName: string; policyName: string; policyType: "System" }
  | { id: "scoped-policy"; kind: "create-scoped-policy"; roleName: string; policyName: string; document: PolicyDocument }
  | { id: `role-arn:${string}`; kind: "point-role-arn"; roleName: string; roleArn: string; configPath: "role_arn" | "credential.role_arn" }
  | { id: `workspace-id:${string}`; kind: "add-workspace-id"; workspaceId: string }
  | { id: "create-service-linked-role"; kind: "create-service-linked-role"; serviceName: string; roleName: string }
  | { id: "grant-passrole"; kind: "grant-passrole"; userName: string; roleName: string; roleArn: string };
export type FixKind = FixProposal["kind"];

/** Where to look when no change in RAM or the config is the fix. */
export type Advice =
  | { id: "instance-log"; instances: string[] }
  | { id: "memory-settings"; field: "metadata.memory"; memoryMb?: number }
  | { id: "resource-settings"; fields: string[] }
  | { id: "image-address"; image: string; region: string }
  | { id: "redeploy" };
