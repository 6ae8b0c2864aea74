import { describe, expect, it, vi } from "vitest";
import { approveRequest } from "../../lib/approvals/approve-request";
import { cancelRequest } from "../../lib/approvals/cancel-request";
import { createRequest } from "../../lib/approvals/create-request";
import type { ApprovalDeps } from "../../lib/approvals/deps";
import { loadRequestForm, countPending, getRequest, listRequests } from "../../lib/approvals/read-requests";
import { loadReview } from "../../lib/approvals/load-review";
import { listNotices, markNoticesRead } from "../../lib/approvals/notices";
import { rejectRequest } from "../../lib/approvals/reject-request";
import { revokeRequest } from "../../lib/approvals/revoke-request";
import { ForbiddenError, type ConsoleUser } from "../../lib/actor";
import { ENGINEER } from "../support/actors";

// Each workflow function checks the permission itself, before it reads the store or the cloud.

function untouchable(): { deps: ApprovalDeps; touched: ReturnType<typeof vi.fn> } {
  const touched = vi.fn();
  const trap: ProxyHandler<object> = {
    get: (_t, prop) => {
      touched(String(prop));
      return new Proxy(() => {}, trap);
    },
    apply: () => touched("call"),
  };
  const any = new Proxy({}, trap) as never;
  return { deps: { stores: any, inventory: any, writes: any, publish: any, now: () => new Date(), worker: "w", leaseMs: 1 }, touched };
}

const nobody = { id: "x", username: "x", displayName: "x", role: "viewer" } as unknown as ConsoleUser;
const id = "00000000-0000-4000-8000-000000000000";

describe("the workflow refuses callers without the permission, touching nothing", () => {
  it.each([
    ["createRequest", (d: ApprovalDeps, a: ConsoleUser) => createRequest(d, a, { roleName: "r", reason: "x", duration: "1d" }), "passrole:request"],
    ["listRequests", (d: ApprovalDeps, a: ConsoleUser) => listRequests(d, a, {}), "passrole:request"],
    ["getRequest", (d: ApprovalDeps, a: ConsoleUser) => getRequest(d, a, id), "passrole:request"],
    ["cancelRequest", (d: ApprovalDeps, a: ConsoleUser) => cancelRequest(d, a, id), "passrole:request"],
    ["listNotices", (d: ApprovalDeps, a: ConsoleUser) => listNotices(d, a), "passrole:request"],
    ["markNoticesRead", (d: ApprovalDeps, a: ConsoleUser) => markNoticesRead(d, a), "passrole:request"],
    ["loadRequestForm", (d: ApprovalDeps, a: ConsoleUser) => loadRequestForm(d, a), "passrole:request"],
  ])("%s needs %s", async (_name, call, permission) => {
    const { deps, touched } = untouchable();
    await expect(call(deps, nobody)).rejects.toMatchObject({ code: "forbidden", denial: { permission } });
    expect(touched).not.toHaveBeenCalled();
  });

  it.each([
    ["approveRequest", (d: ApprovalDeps, a: ConsoleUser) => approveRequest(d, a, id, {})],
    ["rejectRequest", (d: ApprovalDeps, a: ConsoleUser) => rejectRequest(d, a, id, { reason: "no" })],
    ["revokeRequest", (d: ApprovalDeps, a: ConsoleUser) => revokeRequest(d, a, id, {})],
    ["loadReview", (d: ApprovalDeps, a: ConsoleUser) => loadReview(d, a, id)],
    ["countPending", (d: ApprovalDeps, a: ConsoleUser) => countPending(d, a)],
  ])("%s needs approvals:decide, which an engineer lacks", async (_name, call) => {
    const { deps, touched } = untouchable();
    const err = await call(deps, ENGINEER).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ForbiddenError);
    expect(err).toMatchObject({ denial: { actor: "bob", permission: "approvals:decide" } });
    expect(touched).not.toHaveBeenCalled();
  });
});
