import "server-only";
import { requirePermission, type Actor } from "../actor";
import { can } from "../permissions";
import { toConsoleUser } from "../auth/types";
import { CloudError, type AttachedPolicy, type CloudErrorShape } from "../cloud/types";
import { EAS_SERVICE_PRINCIPAL, diffJsonLines, evaluate, parseArn, type JsonLine } from "../policy";
import { fetchUserPolicies } from "../inventory/fetch";
import { fetchUserPolicySet } from "../inventory/principal-policies";
import { loadRoleDetail, type RoleDetail } from "../inventory/role-detail";
import { previewPlan, type PlanPreview } from "../writes/plan";
import { loadAccessInventory } from "../access/load-inventory";
import { pathsAddedBy } from "../access/new-paths";
import type { AccessPath } from "../access/types";
import { parsePolicy } from "../policy";
import type { ApprovalDeps } from "./deps";
import { durationsUpTo, expiryFor, type GrantDuration } from "../request-workflow";
import { grantDocumentText, planGrant, planRemoval, readPolicy } from "./plans";
import { findRequest } from "./read-requests";
import { selfApprovalReason } from "./grantee";
import type { PassRoleRequestView } from "./types";
import { toRequestView } from "./view";

// Everything an admin weighs before deciding: the request; the blast radius of passing the role
// (what it may do, what is wrong with it, who uses it, who can already pass it); what the RAM
// user holds now; and the exact plan that approval would run (or that revoking would run).

export interface UserHoldings {
  userName: string;
  attached: Pick<AttachedPolicy, "policyName" | "policyType">[];
  /** May the user pass the role to EAS right now (own and group policies, at the current time)? */
  canPassNow: boolean;
  viaGroup?: string;
  error?: CloudErrorShape;
}

export interface Review {
  request: PassRoleRequestView;
  accountId: string;
  role: { detail: RoleDetail; error?: undefined } | { detail?: undefined; error: CloudErrorShape };
  user: UserHoldings;
  /** The document RAM holds today under the grant's policy name (normally none). */
  existingDocument: string | null;
  /**
   * The grant's document as a line diff: for a pending request, one per duration the reviewer may
   * choose (against what RAM holds under that name), with the expiry an approval now would set;
   * once decided, the document as granted.
   */
  documents: { duration: GrantDuration; expiresAt: string | null; lines: JsonLine[] }[];
  /**
   * For a pending request, the access paths approving would create for the RAM user (passing the
   * role to EAS, and on through the roles it may assume), from lib/access: the account's graph
   * with the grant against the graph without it.
   */
  newPaths?: { paths: AccessPath[]; error?: undefined } | { paths?: undefined; error: CloudErrorShape };
  /** The plan an approval runs; its document's expiry is computed when the approval is made. */
  grantPlan: PlanPreview;
  removalPlan: PlanPreview;
  /** Durations the reviewer may choose: the one asked for, or shorter. */
  durations: GrantDuration[];
  /** False for the admin who asked, or whose RAM user the grant goes to: someone else must decide. */
  canDecide: boolean;
  /** Why the reader may not approve it, when they may not. */
  selfApproval: "own_request" | "own_ram_user" | null;
  /** The enabled admins who may approve it (none: with one admin, their own request waits for a second). */
  deciders: string[];
  readAt: string;
}

const errorOf = (err: unknown): CloudErrorShape => {
  if (err instanceof CloudError) return err.toJSON();
  throw err;
};

async function loadHoldings(deps: ApprovalDeps, userName: string, roleArn: string): Promise<UserHoldings> {
  try {
    const [attached, set] = await Promise.all([fetchUserPolicies(deps.inventory, userName), fetchUserPolicySet(deps.inventory, userName)]);
    const decision = evaluate(
      {
        principal: { type: "RAMUser", account: parseArn(roleArn)?.account ?? "", name: userName },
        action: "ram:PassRole",
        resource: roleArn,
        context: { "acs:Service": EAS_SERVICE_PRINCIPAL, "acs:CurrentTime": deps.now().toISOString() },
      },
      set.policies,
    );
    const allowing = decision.matched.filter((m) => m.effect === "Allow").map((m) => set.fromGroup[m.policy]);
    const canPassNow = decision.decision === "Allow";
    return {
      userName,
      attached: attached.map((a) => ({ policyName: a.policyName, policyType: a.policyType })),
      canPassNow,
      ...(canPassNow && allowing.length > 0 && allowing.every(Boolean) ? { viaGroup: allowing[0] } : {}),
    };
  } catch (err) {
    return { userName, attached: [], canPassNow: false, error: errorOf(err) };
  }
}

async function loadNewPaths(deps: ApprovalDeps, userName: string, policyName: string, document: string): Promise<NonNullable<Review["newPaths"]>> {
  const parsed = parsePolicy(document, { kind: "permission" });
  if (!parsed.ok) return { paths: [] };
  try {
    return { paths: pathsAddedBy(await loadAccessInventory(deps.inventory), userName, { name: policyName, type: "Custom", document: parsed.policy }, deps.now()) };
  } catch (err) {
    return { error: errorOf(err) };
  }
}

export async function loadReview(deps: ApprovalDeps, actor: Actor, id: string): Promise<Review> {
  requirePermission(actor, "approvals:decide");
  const r = await findRequest(deps, id);
  const accountId = parseArn(r.roleArn)?.account ?? "";
  const [role, user, existing, consoleUsers] = await Promise.all([
    loadRoleDetail(deps.inventory, actor, r.roleName).then((detail) => ({ detail }), (err: unknown) => ({ error: errorOf(err) })),
    loadHoldings(deps, r.ramUser, r.roleArn),
    readPolicy(deps.writes.cloud, r.policyName).catch(() => null),
    deps.stores.users.list(),
  ]);
  const newPaths = r.state === "pending" ? await loadNewPaths(deps, r.ramUser, r.policyName, grantDocumentText(r.roleName, accountId, expiryFor(r.duration, deps.now()))) : undefined;
  const selfApproval = selfApprovalReason(actor, r);
  const deciders = consoleUsers
    .filter((u) => !u.disabled && can(u.role, "approvals:decide") && selfApprovalReason(toConsoleUser(u), r) === null)
    .map((u) => u.username);
  const document = r.policyDocument ?? "";
  const now = deps.now();
  const existingDocument = existing?.policyDocument ?? null;
  const durations = durationsUpTo(r.duration);
  const documents =
    r.state === "pending"
      ? durations.map((duration) => {
          const expiry = expiryFor(duration, now);
          return { duration, expiresAt: expiry?.toISOString() ?? null, lines: diffJsonLines(existingDocument, grantDocumentText(r.roleName, accountId, expiry)) };
        })
      : [{ duration: r.grantedDuration ?? r.duration, expiresAt: r.expiresAt, lines: diffJsonLines(document, document) }];
  return {
    request: toRequestView(r),
    accountId,
    role,
    user,
    existingDocument,
    documents,
    ...(newPaths ? { newPaths } : {}),
    grantPlan: previewPlan(planGrant({ ...r, policyDocument: document })),
    removalPlan: previewPlan(planRemoval(r)),
    durations,
    canDecide: selfApproval === null,
    selfApproval,
    deciders,
    readAt: now.toISOString(),
  };
}
