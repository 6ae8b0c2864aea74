import { createHash } from "node:crypto";
import type { Cloud, WriteResult } from "../cloud/types";
import type { CloudChange } from "../inventory/cache-tags";

// A write to the cloud as the console does every one: a plan of steps, previewed exactly as it
// will be sent, applied by an admin one step at a time, audited with the cloud's RequestIds.

export interface PlanStep {
  /** Stable within the plan, e.g. `create-role`. */
  id: string;
  /** The cloud API operation, e.g. `CreateRole`, `UpdateService`. */
  operation: string;
  service: "RAM" | "EAS";
  /** What the step acts on, e.g. the role name or `cn-hangzhou/fraud-detector`. */
  target: string;
  /** Exactly what is sent: documents appear in full. */
  params: Record<string, unknown>;
  /** For an update: the document before and after, for a diff. */
  change?: { before: string; after: string };
  run(cloud: Cloud): Promise<WriteResult>;
  /** True when the account already holds what the step would make (a retry skips it). */
  alreadyDone?(cloud: Cloud): Promise<boolean>;
  /** What the step changes in the console's cache. */
  changes: CloudChange[];
}

export interface WritePlan {
  /** The audit action, e.g. `fix.trust_add_eas`, `wizard.create_role`. */
  action: string;
  /** What the plan is about, for the audit log: a role, a service, a request. */
  target: string;
  title: string;
  steps: PlanStep[];
  /** What undoes the plan, written to its audit entry (e.g. re-attach the policies it detached). */
  rollback?: Record<string, unknown>;
}

/** What a preview shows and what a confirmation must match: the plan without its functions. */
export interface PlanPreview {
  action: string;
  target: string;
  title: string;
  steps: { id: string; operation: string; service: "RAM" | "EAS"; target: string; params: Record<string, unknown>; change?: { before: string; after: string } }[];
  /** Hash of everything above: an apply must name it, so what is applied is what was previewed. */
  token: string;
}

export function previewPlan(plan: WritePlan): PlanPreview {
  const body = {
    action: plan.action,
    target: plan.target,
    title: plan.title,
    steps: plan.steps.map(({ id, operation, service, target, params, change }) => ({ id, operation, service, target, params, ...(change ? { change } : {}) })),
  };
  const token = createHash("sha256").update(JSON.stringify(body)).digest("hex").slice(0, 32);
  return { ...body, token };
}
