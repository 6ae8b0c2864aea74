import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cancelRequest } from "../../lib/approvals/cancel-request";
import { createRequest } from "../../lib/approvals/create-request";
import { fileApprovedRequest } from "../../lib/approvals/file-approved-request";
import { grantPolicyName } from "../../lib/approvals/plans";
import { getRequest, listRequests } from "../../lib/approvals/read-requests";
import { revokeRequest } from "../../lib/approvals/revoke-request";
import { sweep } from "../../lib/approvals/sweep";
import { fromZodError } from "../../lib/errors/from";
import { applyFix } from "../../lib/fixes/apply-fix";
import { loadFixes } from "../../lib/fixes/load-fixes";
import { confirmBody } from "../../lib/fixes/route-input";
import { DEFAULT_ACCOUNT_ID } from "../../emulator/core/contract";
import type { RunningEmulator } from "../../emulator/server";
import { control, ramGateway } from "../support/cloud/clients";
import { REQUEST_ID } from "../support/request-id";
import { cloudGrant, setup, startEmulator, type Setup } from "./harness";

// The admin's grant-passrole fix on the demo's chat-summarizer (carol deployed it with
// eas-restricted, which she may not pass): applying it files a PassRole request approved by the
// admin, and what RAM then holds is that request's time-bound policy, which /approvals lists,
// Revoke removes and the sweeper expires. No role-wide PassRole-<role> policy is made.

let emu: RunningEmulator;
let s: Setup;
const HZ = "cn-hangzhou";
const SVC = "chat-summarizer";
const DAY = 86_400_000;
const POLICY = () => grantPolicyName("carol", "eas-restricted");
const ARN = `acs:ram::${DEFAULT_ACCOUNT_ID}:role/eas-restricted`;

beforeAll(async () => {
  emu = await startEmulator();
  s = await setup(emu);
});
afterAll(() => emu?.close());

async function offered(p: ReturnType<Setup["start"]>, duration?: "1d" | "7d" | "30d") {
  const { fixes } = await loadFixes(p.deps.inventory, s.alice, HZ, SVC, { duration });
  const fix = fixes.find((f) => f.id === "grant-passrole");
  expect(fix, `offers ${fixes.map((f) => f.id).join(", ")}`).toBeDefined();
  return fix!;
}

const fixAudit = async (p: ReturnType<Setup["start"]>, id: string) =>
  (await p.stores.audit.list({}, 0, 200)).entries.filter((e) => e.target === `passrole-request/${id}`).reverse();

describe("the grant-passrole fix goes through the PassRole request workflow", () => {
  it("previews the request's own policy with its expiry and says it becomes a request", async () => {
    const p = s.start();
    const fix = await offered(p);
    expect(fix.preview.steps.map((st) => [st.operation, st.target])).toEqual([["CreatePolicy", POLICY()], ["AttachPolicyToUser", "carol"]]);
    expect(fix.preview.grant).toMatchObject({ ramUser: "carol", roleName: "eas-restricted", policyName: POLICY(), duration: "1d" });
    const doc = JSON.parse(String(fix.preview.steps[0].params.PolicyDocument));
    expect(doc).toEqual({ Version: "1", Statement: [{ Effect: "Allow", Action: ["ram:PassRole"], Resource: [ARN], Condition: { DateLessThan: { "acs:CurrentTime": [fix.preview.grant!.expiresAt] } } }] });
    expect(Math.abs(Date.parse(fix.preview.grant!.expiresAt) - (Date.now() + DAY))).toBeLessThan(60_000);
    // A new policy: every line of its diff is added, none taken away.
    expect(fix.preview.steps[0].diff?.map((l) => l.kind)).toEqual(JSON.stringify(doc, null, 2).split("\n").map(() => "add"));
    // The token holds the duration: another duration is another preview.
    const week = await offered(p, "7d");
    expect(week.preview.token).not.toBe(fix.preview.token);
    expect(week.preview.grant!.duration).toBe("7d");
    // …and not the minute of the preview: the same duration read again gives the same token.
    expect((await offered(p)).preview.token).toBe(fix.preview.token);
    expect(fix.title).toContain("through a PassRole request");
  });

  it("refuses a duration that never ends, or one the preview was not made for, before any write", async () => {
    const p = s.start();
    const parsed = confirmBody.safeParse({ confirm: true, duration: "permanent" });
    expect(parsed.success).toBe(false);
    expect(fromZodError(parsed.error!).fields).toEqual({ duration: "must be 1d, 7d or 30d: a PassRole grant made through a fix always ends" });
    const day = await offered(p);
    await control(emu.url, "DELETE", "/_emulator/stats");
    await expect(applyFix(p.deps, s.alice, HZ, SVC, "grant-passrole", { token: day.preview.token, duration: "7d" })).rejects.toMatchObject({ code: "conflict", fields: { token: expect.any(String) } });
    await expect(applyFix(p.deps, s.alice, HZ, "ocr-pipeline", "scoped-policy", { duration: "7d" })).rejects.toMatchObject({ code: "invalid_input", fields: { duration: "applies only to the grant-passrole fix" } });
    const calls = (await control(emu.url, "GET", "/_emulator/stats")).json.calls as Record<string, number>;
    expect([calls.CreatePolicy ?? 0, calls.AttachPolicyToUser ?? 0, calls.AttachPolicyToRole ?? 0]).toEqual([0, 0, 0]);
    expect((await p.stores.passRoleRequests.list({ pair: { ramUser: "carol", roleName: "eas-restricted" }, limit: 10 })).total).toBe(0);
  });

  it("nobody files a pre-approved grant for their own RAM user, and engineers none at all", async () => {
    const p = s.start();
    const input = { roleName: "eas-restricted", roleArn: ARN, reason: "x", duration: "1d" as const, via: { via: "fix" }, target: `${HZ}/${SVC}` };
    await expect(fileApprovedRequest(p.deps, s.alice, { ...input, ramUser: "ALICE" })).rejects.toMatchObject({ code: "self_approval", status: 403 });
    await expect(fileApprovedRequest(p.deps, s.bob, { ...input, ramUser: "carol" })).rejects.toMatchObject({ code: "forbidden" });
    expect((await p.stores.audit.list({ action: "auth.denied" }, 0, 50)).entries.find((e) => e.target === `${HZ}/${SVC}`)).toMatchObject({ actor: "alice", detail: { refusal: "self_approval", reason: "own_ram_user" } });
    expect((await p.stores.passRoleRequests.list({ pair: { ramUser: "alice", roleName: "eas-restricted" }, limit: 10 })).total).toBe(0);
  });

  it("read-only: refused, and no request is left behind", async () => {
    const p = s.start({ readOnly: true });
    const fix = await offered(p);
    await expect(applyFix(p.deps, s.alice, HZ, SVC, "grant-passrole", { token: fix.preview.token })).rejects.toMatchObject({ code: "read_only" });
    expect((await p.stores.passRoleRequests.list({ pair: { ramUser: "carol", roleName: "eas-restricted" }, limit: 10 })).total).toBe(0);
  });

  it("an open request for the pair is named, and nothing is granted twice", async () => {
    const p = s.start();
    const pending = await createRequest(p.deps, s.dave, { roleName: "eas-restricted", ramUser: "carol", reason: "onboarding", duration: "7d" });
    const fix = await offered(p);
    await expect(applyFix(p.deps, s.alice, HZ, SVC, "grant-passrole", { token: fix.preview.token })).rejects.toMatchObject({ code: "conflict", message: expect.stringContaining(pending.id) });
    expect(await cloudGrant(emu, POLICY(), "carol")).toMatchObject({ exists: false, attached: 0 });
    expect((await p.stores.passRoleRequests.list({ pair: { ramUser: "carol", roleName: "eas-restricted" }, limit: 10 })).total).toBe(1);
    await cancelRequest(p.deps, s.dave, pending.id);
  });

  it("applying files a granted request with an expiry, listed in /approvals; Revoke removes its policy", async () => {
    const p = s.start();
    const fix = await offered(p, "7d");
    const out = await applyFix(p.deps, s.alice, HZ, SVC, "grant-passrole", { token: fix.preview.token, duration: "7d" });
    expect(out.ok, JSON.stringify(out.steps)).toBe(true);
    expect(out.request).toMatchObject({ id: expect.any(String), state: "granted", policyName: POLICY() });
    expect(out.steps.map((st) => [st.operation, st.target, st.state])).toEqual([["CreatePolicy", POLICY(), "done"], ["AttachPolicyToUser", "carol", "done"]]);
    for (const r of out.requestIds) expect(r).toMatch(REQUEST_ID);
    expect(out.audit).toMatchObject({ action: "fix.grant_passrole", actor: "alice", target: `${HZ}/${SVC}`, outcome: "success", detail: { request: out.request!.id, state: "granted" } });
    const id = out.request!.id;

    const r = await getRequest(p.deps, s.carol, id);
    expect(r).toMatchObject({ state: "granted", ramUser: "carol", roleName: "eas-restricted", requester: "alice", requestedFor: "carol", approver: "alice", duration: "7d", grantedDuration: "7d", expiresAt: out.request!.expiresAt });
    expect(Math.abs(Date.parse(r.expiresAt!) - (Date.now() + 7 * DAY))).toBeLessThan(60_000);
    expect((await listRequests(p.deps, s.dave, { state: "granted" })).requests.map((x) => x.id)).toContain(id);

    // What RAM holds is the request's document, with its expiry; no role-wide PassRole-<role> policy.
    const held = await cloudGrant(emu, POLICY(), "carol");
    expect(held).toMatchObject({ exists: true, attached: 1 });
    expect(JSON.parse(held.document!)).toEqual({ Version: "1", Statement: [{ Effect: "Allow", Action: ["ram:PassRole"], Resource: [ARN], Condition: { DateLessThan: { "acs:CurrentTime": [r.expiresAt] } } }] });
    expect(r.grant.document).toBe(held.document);
    expect((await ramGateway(emu.port).listPoliciesForUser("carol")).map((x) => x.policyName)).not.toContain("PassRole-eas-restricted");

    // Its events say it was filed and approved through the fix, from which service.
    const events = await fixAudit(p, id);
    expect(events.map((e) => e.action)).toEqual(["passrole.requested", "passrole.approved", "passrole.granting", "passrole.grant_policy", "passrole.granted"]);
    for (const e of events.slice(0, 2)) expect(e).toMatchObject({ actor: "alice", detail: { via: "fix", fix: "grant-passrole", service: `${HZ}/${SVC}` } });

    // The fix is no longer offered; a second apply of the same preview grants nothing more.
    await expect(applyFix(p.deps, s.alice, HZ, SVC, "grant-passrole", { token: fix.preview.token, duration: "7d" })).rejects.toMatchObject({ code: "conflict" });

    const revoked = await revokeRequest(p.deps, s.dave, id, { reason: "The summarizer moved." });
    expect(revoked).toMatchObject({ state: "revoked", removal: "done" });
    expect(await cloudGrant(emu, POLICY(), "carol")).toMatchObject({ exists: false, attached: 0 });
    expect((await offered(p)).id).toBe("grant-passrole");
  });

  it("two admins applying it for different durations at once: one request, one grant, the other told of it", async () => {
    const p = s.start();
    const other = s.start();
    const [day, week] = [await offered(p), await offered(other, "7d")];
    await control(emu.url, "DELETE", "/_emulator/stats");
    const runs = await Promise.allSettled([
      applyFix(p.deps, s.alice, HZ, SVC, "grant-passrole", { token: day.preview.token }),
      applyFix(other.deps, s.dave, HZ, SVC, "grant-passrole", { token: week.preview.token, duration: "7d" }),
    ]);
    const won = runs.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
    expect(won.map((o) => o.request?.state)).toEqual(["granted"]);
    expect(runs.flatMap((r) => (r.status === "rejected" ? [(r.reason as { code: string }).code] : []))).toEqual(["conflict"]);
    const calls = (await control(emu.url, "GET", "/_emulator/stats")).json.calls as Record<string, number>;
    expect([calls.CreatePolicy, calls.AttachPolicyToUser]).toEqual([1, 1]);
    const open = await p.stores.passRoleRequests.list({ states: ["pending", "approved", "granting", "granted"], pair: { ramUser: "carol", roleName: "eas-restricted" }, limit: 10 });
    expect(open.requests.map((r) => r.id)).toEqual([won[0].request!.id]);
    await revokeRequest(p.deps, s.dave, won[0].request!.id, {});
  });

  it("the sweeper ends a fix's grant at its expiry and removes the policy", async () => {
    const p = s.start();
    const fix = await offered(p);
    const out = await applyFix(p.deps, s.alice, HZ, SVC, "grant-passrole", { token: fix.preview.token });
    expect(out.request).toMatchObject({ state: "granted" });
    expect(Math.abs(Date.parse(out.request!.expiresAt!) - (Date.now() + DAY))).toBeLessThan(60_000);
    const later = s.start({ now: () => new Date(Date.now() + 2 * DAY) });
    await sweep(later.deps);
    expect(await p.stores.passRoleRequests.find(out.request!.id)).toMatchObject({ state: "expired", removal: "done" });
    expect(await cloudGrant(emu, POLICY(), "carol")).toMatchObject({ exists: false, attached: 0 });
  });
});
