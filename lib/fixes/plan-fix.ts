import "server-only";
import { diffJsonLines, type JsonLine } from "../policy";
import type { FixKind, FixProposal } from "../diagnosis/types";
import { EAS_SERVICE_PRINCIPAL } from "../policy";
import { previewPlan, type PlanPreview } from "../writes/plan";
import { addEasTrust } from "./add-eas-trust";
import { addWorkspaceId } from "./add-workspace-id";
import { attachRolePolicy } from "./attach-role-policy";
import type { FixGrant, FixPlan, Said } from "./catalog";
import type { BoundedDuration } from "../request-workflow";
import type { FixContext } from "./context";
import { createScopedPolicy } from "./create-scoped-policy";
import { createServiceLinkedRole } from "./create-service-linked-role";
import { DEFAULT_FIX_DURATION, grantPassRole } from "./grant-pass-role";
import { pointRoleArn } from "./point-role-arn";
import { wideningOf, type Widening } from "./widening";

/** What the admin chooses beyond the fix itself: how long a PassRole grant lasts. */
export interface FixOptions {
  duration?: BoundedDuration;
}

type Builder<K extends FixKind> = (ctx: FixContext, p: Extract<FixProposal, { kind: K }>, o: FixOptions) => FixPlan | Promise<FixPlan>;

// One verb per fix kind; each builds the exact write plan the preview shows and the apply runs.
const BUILDERS: { [K in FixKind]: Builder<K> } = {
  "add-trust-principal": (ctx, p) => addEasTrust(ctx, p.roleName),
  "attach-policy": (ctx, p) => attachRolePolicy(ctx, p.roleName, p.policyName),
  "create-scoped-policy": (ctx, p) => createScopedPolicy(ctx, p.roleName, p.policyName, p.document),
  "point-role-arn": (ctx, p) => pointRoleArn(ctx, p.roleName, p.roleArn, p.configPath),
  "add-workspace-id": (ctx, p) => addWorkspaceId(ctx, p.workspaceId),
  "create-service-linked-role": (ctx, p) => createServiceLinkedRole(ctx, p.serviceName, p.roleName),
  "grant-passrole": (ctx, p, o) => grantPassRole(ctx, p.userName, p.roleName, p.roleArn, { duration: o.duration ?? DEFAULT_FIX_DURATION, now: new Date() }),
};

/** Fixes that change the service config: UpdateService redeploys as it applies them. */
const REDEPLOYS: ReadonlySet<FixKind> = new Set(["point-role-arn", "add-workspace-id"]);

export interface FixPreview extends PlanPreview {
  steps: (PlanPreview["steps"][number] & { diff?: JsonLine[] })[];
  /** Set when the fix widens who may assume a role: who else that reaches. Not part of the token. */
  widens?: Widening;
  /** Set when applying files a pre-approved PassRole request: the request's terms. */
  grant?: FixGrant;
}

export interface PlannedFix {
  id: string;
  kind: FixKind;
  /** In the audit log's English; `message` words it for a reader. */
  title: string;
  message: Said;
  /** Applying it updates the service, which deploys it again. */
  redeploys: boolean;
  preview: FixPreview;
  plan: FixPlan;
}

export async function planFix(ctx: FixContext, proposal: FixProposal, options: FixOptions = {}): Promise<PlannedFix> {
  const build = BUILDERS[proposal.kind] as Builder<FixKind>;
  const plan = await build(ctx, proposal as never, options);
  const preview = { ...previewPlan(plan), ...(plan.signed ? { token: previewPlan(plan.signed).token } : {}) };
  const widens = proposal.kind === "add-trust-principal" ? await wideningOf(ctx, proposal.roleName, EAS_SERVICE_PRINCIPAL) : undefined;
  return {
    id: proposal.id,
    kind: proposal.kind,
    title: plan.title,
    message: plan.message,
    redeploys: REDEPLOYS.has(proposal.kind),
    plan,
    // A document made from nothing ("" before) has no line to take away.
    preview: { ...preview, steps: preview.steps.map((s) => (s.change ? { ...s, diff: diffJsonLines(s.change.before || null, s.change.after) } : s)), ...(widens ? { widens } : {}), ...(plan.grant ? { grant: plan.grant } : {}) },
  };
}
