import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { approveRequest } from "../../lib/approvals/approve-request";
import { cancelRequest } from "../../lib/approvals/cancel-request";
import { createRequest } from "../../lib/approvals/create-request";
import { getRequest, listRequests, loadRequestForm } from "../../lib/approvals/read-requests";
import { rejectRequest } from "../../lib/approvals/reject-request";
import { revokeRequest } from "../../lib/approvals/revoke-request";
import { grantPolicyName } from "../../lib/approvals/plans";
import { listNotices } from "../../lib/approvals/notices";
import { loadReview } from "../../lib/approvals/load-review";
import { DEFAULT_ACCOUNT_ID } from "../../emulator/core/contract";
import type { RunningEmulator } from "../../emulator/server";
import { REQUEST_ID } from "../support/request-id";
import { cloudGrant, easAs, serviceConfig, setup, startEmulator, type Setup } from "./harness";

let emu: RunningEmulator;
let s: Setup;

beforeAll(async () => {
  emu = await startEmulator();
  s = await setup(emu);
});
afterAll(() => emu?.close());

const ask = (p: ReturnType<Setup["start"]>, role: string, duration = "7d", extra: Record<string, unknown> = {}) =>
  createRequest(p.deps, s.bob, { roleName: role, reason: "deploy the summarizer", duration, ...extra });

async function deployAsBob(name: string, role: string): Promise<{ status: string; message: string }> {
  const eas = easAs(emu, "bob");
  await eas.createService("cn-hangzhou", serviceConfig(name, DEFAULT_ACCOUNT_ID, role));
  await fetch(`${emu.url}/_emulator/settle`, { method: "POST" });
  const svc = await eas.describeService("cn-hangzhou", name);
  return { status: svc.status, message: svc.message ?? "" };
}

describe("a PassRole request from ask to revoke", () => {
  it("grants exactly ram:PassRole on the role's ARN with an expiry RAM evaluates, lets bob deploy, and takes it back", async () => {
    const p = s.start();
    const before = await deployAsBob("before-grant", "eas-restricted");
    expect(before.status).toBe("Failed");

    const asked = await ask(p, "eas-restricted");
    expect(asked).toMatchObject({ state: "pending", ramUser: "bob", requester: "bob", policyName: grantPolicyName("bob", "eas-restricted"), roleArn: `acs:ram::${DEFAULT_ACCOUNT_ID}:role/eas-restricted` });

    const granted = await approveRequest(p.deps, s.alice, asked.id, { duration: "1d" });
    expect(granted).toMatchObject({ state: "granted", approver: "alice", grantedDuration: "1d" });
    expect(granted.grantRequestIds).toHaveLength(2);
    for (const id of granted.grantRequestIds) expect(id).toMatch(REQUEST_ID);
    const expires = Date.parse(granted.expiresAt!);
    expect(Math.abs(expires - (Date.now() + 86_400_000))).toBeLessThan(10_000);

    const held = await cloudGrant(emu, granted.policyName, "bob");
    expect(held).toMatchObject({ exists: true, versions: 1, attached: 1 });
    expect(JSON.parse(held.document!)).toEqual({
      Version: "1",
      Statement: [{ Effect: "Allow", Action: ["ram:PassRole"], Resource: [`acs:ram::${DEFAULT_ACCOUNT_ID}:role/eas-restricted`], Condition: { DateLessThan: { "acs:CurrentTime": [granted.expiresAt] } } }],
    });
    expect((await deployAsBob("with-grant", "eas-restricted")).status).toBe("Running");

    const revoked = await revokeRequest(p.deps, s.dave, asked.id, {});
    expect(revoked).toMatchObject({ state: "revoked", removal: "done" });
    expect(revoked.removalRequestIds).toHaveLength(2);
    expect(await cloudGrant(emu, granted.policyName, "bob")).toMatchObject({ exists: false, attached: 0 });
    expect((await deployAsBob("after-revoke", "eas-restricted")).status).toBe("Failed");

    // Every step is in the audit log, with the cloud's RequestIds; bob heard of each change.
    const audit = (await p.stores.audit.list({}, 0, 100)).entries.filter((e) => e.target === `passrole-request/${asked.id}`).reverse();
    expect(audit.map((e) => e.action)).toEqual([
      "passrole.requested",
      "passrole.approved",
      "passrole.granting",
      "passrole.grant_policy",
      "passrole.granted",
      "passrole.revoked",
      "passrole.remove_policy",
    ]);
    expect(audit.find((e) => e.action === "passrole.granted")?.detail?.requestIds).toEqual(granted.grantRequestIds);
    expect(audit.find((e) => e.action === "passrole.remove_policy")?.requestId).toBe(revoked.removalRequestIds[1]);
    const notices = await listNotices(p.deps, s.bob);
    expect(notices.notices.map((n) => n.event)).toEqual(["revoked", "granted", "approved"]);
    expect(notices.unread).toBe(3);
    expect(p.published.map((m) => m.event)).toEqual(["passrole.requested", "passrole.approved", "passrole.granted", "passrole.revoked"]);
    expect(p.published[2].request).toMatchObject({ id: asked.id, state: "granted", grant: { policyName: granted.policyName, requestIds: granted.grantRequestIds } });
  });

  it("a permanent grant carries no time condition", async () => {
    const p = s.start();
    const asked = await ask(p, "eas-llm-serving", "permanent");
    const granted = await approveRequest(p.deps, s.alice, asked.id, {});
    expect(granted).toMatchObject({ state: "granted", grantedDuration: "permanent", expiresAt: null });
    const doc = JSON.parse((await cloudGrant(emu, granted.policyName, "bob")).document!);
    expect(doc.Statement[0].Condition).toBeUndefined();
    await revokeRequest(p.deps, s.alice, asked.id, {});
  });

  it("a revoked request says who revoked it, when, and why", async () => {
    const p = s.start();
    const asked = await ask(p, "eas-llm-serving", "1d");
    await approveRequest(p.deps, s.alice, asked.id, {});
    await revokeRequest(p.deps, s.dave, asked.id, { reason: "The summarizer moved to eas-oss-reader." });
    const view = await getRequest(p.deps, s.bob, asked.id);
    expect(view).toMatchObject({ state: "revoked", revoked: { by: "dave", reason: "The summarizer moved to eas-oss-reader." } });
    expect(view.revoked!.at).toBe(view.endedAt);
  });

  it("keeps the rules: requester and approver differ, only the requester cancels, shorter not longer, one open request per pair", async () => {
    const p = s.start();
    const mine = await createRequest(p.deps, s.alice, { roleName: "eas-no-oss", ramUser: "alice", reason: "test", duration: "7d" });
    await expect(approveRequest(p.deps, s.alice, mine.id, {})).rejects.toMatchObject({ code: "self_approval", status: 403 });
    await expect(rejectRequest(p.deps, s.alice, mine.id, { reason: "no" })).rejects.toMatchObject({ code: "self_approval" });

    const asked = await ask(p, "eas-no-oss", "7d");
    await expect(ask(p, "EAS-NO-OSS", "1d")).rejects.toMatchObject({ code: "conflict", message: expect.stringContaining(asked.id) });
    await expect(approveRequest(p.deps, s.bob, asked.id, {})).rejects.toMatchObject({ code: "forbidden" });
    await expect(approveRequest(p.deps, s.alice, asked.id, { duration: "30d" })).rejects.toMatchObject({ code: "invalid_input", fields: { duration: expect.stringContaining("7d") } });
    await expect(cancelRequest(p.deps, s.carol, asked.id)).rejects.toMatchObject({ code: "forbidden" });
    await expect(cancelRequest(p.deps, s.alice, asked.id)).rejects.toMatchObject({ code: "forbidden" });
    await expect(getRequest(p.deps, s.carol, asked.id)).rejects.toMatchObject({ code: "not_found" });
    expect((await listRequests(p.deps, s.carol, {})).requests.map((r) => r.id)).not.toContain(asked.id);
    expect((await listRequests(p.deps, s.alice, { state: "pending" })).requests.map((r) => r.id)).toEqual(expect.arrayContaining([asked.id, mine.id]));

    const cancelled = await cancelRequest(p.deps, s.bob, asked.id);
    expect(cancelled.state).toBe("cancelled");
    await expect(approveRequest(p.deps, s.alice, asked.id, {})).rejects.toMatchObject({ code: "conflict" });
    const again = await ask(p, "eas-no-oss", "1d");
    const rejected = await rejectRequest(p.deps, s.dave, again.id, { reason: "use eas-oss-reader instead" });
    expect(rejected).toMatchObject({ state: "rejected", approver: "dave", decisionReason: "use eas-oss-reader instead" });
    await expect(revokeRequest(p.deps, s.alice, again.id, {})).rejects.toMatchObject({ code: "conflict" });
    expect(await cloudGrant(emu, rejected.policyName, "bob")).toMatchObject({ exists: false });
  });

  it("an engineer asks only for their own RAM user; an admin may ask for someone else, and the request says for whom", async () => {
    const p = s.start();
    const before = (await p.stores.passRoleRequests.list({ limit: 500 })).total;
    await expect(createRequest(p.deps, s.bob, { roleName: "eas-oss-reader", ramUser: "alice", reason: "x", duration: "1d" })).rejects.toMatchObject({
      code: "forbidden",
      status: 403,
      message: expect.stringContaining("you may request only for your own RAM user"),
      fields: { ramUser: expect.any(String) },
    });
    expect((await p.stores.passRoleRequests.list({ limit: 500 })).total).toBe(before);
    const own = await createRequest(p.deps, s.bob, { roleName: "eas-oss-reader", ramUser: "BOB", reason: "x", duration: "1d" });
    expect(own).toMatchObject({ ramUser: "bob", requester: "bob", requestedFor: "bob", requestedForId: s.bob.id });
    await cancelRequest(p.deps, s.bob, own.id);

    const forCarol = await createRequest(p.deps, s.dave, { roleName: "eas-oss-reader", ramUser: "carol", reason: "onboarding", duration: "7d" });
    expect(forCarol).toMatchObject({ ramUser: "carol", requester: "dave", requesterId: s.dave.id, requestedFor: "carol", requestedForId: s.carol.id });
    expect(await getRequest(p.deps, s.carol, forCarol.id)).toMatchObject({ id: forCarol.id, requester: "dave", requestedFor: "carol", ramUser: "carol" });
    expect((await listRequests(p.deps, s.carol, {})).requests.map((r) => r.id)).toContain(forCarol.id);
    await expect(getRequest(p.deps, s.bob, forCarol.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(cancelRequest(p.deps, s.bob, forCarol.id)).rejects.toMatchObject({ code: "forbidden" });
    expect(await cancelRequest(p.deps, s.carol, forCarol.id)).toMatchObject({ state: "cancelled" });
    expect((await listNotices(p.deps, s.dave)).notices.find((n) => n.requestId === forCarol.id)).toMatchObject({ event: "cancelled", actor: "carol" });

    const form = await loadRequestForm(p.deps, s.bob);
    expect(form.ramUsers).toEqual(["bob"]);
    expect((await loadRequestForm(p.deps, s.dave)).ramUsers).toEqual(expect.arrayContaining(["alice", "bob", "carol"]));
  });

  it("offers no service-linked role, and marks the roles each offered RAM user may already pass, with how", async () => {
    const p = s.start();
    const mine = await loadRequestForm(p.deps, s.bob);
    expect(mine.roles.filter((r) => /^AliyunServiceRoleFor/i.test(r.name))).toEqual([]);
    const byName = new Map(mine.roles.map((r) => [r.name, r]));
    expect(byName.get("eas-oss-reader")!.passable).toEqual({ bob: "direct" });
    expect(byName.get("eas-restricted")!.passable).toEqual({});
    const admins = new Map((await loadRequestForm(p.deps, s.dave)).roles.map((r) => [r.name, r]));
    expect(admins.get("eas-nas-image")!.passable).toMatchObject({ carol: "group" });
  });

  it("nobody approves a grant to their own RAM user, whoever filed it; the refusal is audited and the review names who may decide", async () => {
    const p = s.start();
    const forAlice = await createRequest(p.deps, s.dave, { roleName: "eas-image-no-cr", ramUser: "alice", reason: "alice deploys the OCR service", duration: "1d" });
    expect(forAlice).toMatchObject({ requester: "dave", requestedFor: "alice", ramUser: "alice" });
    await expect(approveRequest(p.deps, s.alice, forAlice.id, {})).rejects.toMatchObject({ code: "self_approval", status: 403, message: expect.stringContaining("alice") });
    await expect(approveRequest(p.deps, s.dave, forAlice.id, {})).rejects.toMatchObject({ code: "self_approval", status: 403 });
    expect((await p.stores.passRoleRequests.find(forAlice.id))?.state).toBe("pending");
    expect(await cloudGrant(emu, forAlice.policyName, "alice")).toMatchObject({ exists: false, attached: 0 });
    const refusals = (await p.stores.audit.list({ action: "auth.denied" }, 0, 100)).entries.filter((e) => e.target === `passrole-request/${forAlice.id}`);
    expect(refusals.map((e) => [e.actor, e.outcome, e.detail?.refusal, e.detail?.reason])).toEqual([
      ["dave", "denied", "self_approval", "own_request"],
      ["alice", "denied", "self_approval", "own_ram_user"],
    ]);

    // Both admins are barred from this one: the review says so, and names nobody who could.
    const review = await loadReview(p.deps, s.alice, forAlice.id);
    expect(review).toMatchObject({ canDecide: false, selfApproval: "own_ram_user", deciders: [], request: { requester: "dave", requestedFor: "alice", ramUser: "alice" } });
    expect((await loadReview(p.deps, s.dave, forAlice.id)).selfApproval).toBe("own_request");
    const bobs = await ask(p, "eas-image-no-cr", "1d");
    expect(await loadReview(p.deps, s.alice, bobs.id)).toMatchObject({ canDecide: true, selfApproval: null, deciders: ["alice", "dave"] });
    await cancelRequest(p.deps, s.alice, forAlice.id);
    await cancelRequest(p.deps, s.bob, bobs.id);
  });

  it("refuses what cannot be asked for, naming the field", async () => {
    const p = s.start();
    await expect(createRequest(p.deps, s.bob, { roleName: "no-such-role", reason: "x", duration: "1d" })).rejects.toMatchObject({ code: "not_found", cloud: { code: "EntityNotExist.Role" } });
    await expect(createRequest(p.deps, s.dave, { roleName: "eas-oss-reader", ramUser: "mallory", reason: "x", duration: "1d" })).rejects.toMatchObject({ code: "not_found" });
    await expect(createRequest(p.deps, s.dave, { roleName: "eas-oss-reader", reason: "x", duration: "1d" })).rejects.toMatchObject({ code: "invalid_input", fields: { ramUser: expect.any(String) } });
    await expect(createRequest(p.deps, s.bob, { roleName: "bad name!", reason: "", duration: "2d" })).rejects.toMatchObject({
      code: "invalid_input",
      fields: { roleName: expect.any(String), reason: expect.any(String), duration: expect.any(String) },
    });
  });

  it("read-only mode refuses approvals and revokes before anything changes", async () => {
    const p = s.start();
    const asked = await ask(p, "eas-image-no-cr", "1d");
    const ro = s.start({ readOnly: true });
    await expect(approveRequest(ro.deps, s.alice, asked.id, {})).rejects.toMatchObject({ code: "read_only" });
    expect((await p.stores.passRoleRequests.find(asked.id))?.state).toBe("pending");
    await cancelRequest(p.deps, s.bob, asked.id);
  });

  it("gives the reviewer the blast radius, what the user holds, and the plan; after the grant the user can pass the role, by RAM's evaluation at this minute", async () => {
    const p = s.start();
    const form = await loadRequestForm(p.deps, s.bob);
    expect(form.defaultRamUser).toBe("bob");
    expect(form.ramUsers[0]).toBe("bob");
    expect(form.roles.find((r) => r.name === "eas-restricted")).toMatchObject({ easCanAssume: true, services: expect.arrayContaining([{ name: "chat-summarizer", region: "cn-hangzhou" }]) });
    expect(form.roles.find((r) => r.name === "ecs-batch-role")?.easCanAssume).toBe(false);

    const asked = await ask(p, "eas-restricted", "30d");
    const before = await loadReview(p.deps, s.alice, asked.id);
    expect(before.canDecide).toBe(true);
    expect(before.durations).toEqual(["1d", "7d", "30d"]);
    expect(before.role.detail?.usage).toMatchObject({ services: expect.arrayContaining([{ name: "chat-summarizer", region: "cn-hangzhou" }]), passers: ["alice"] });
    expect(before.user).toMatchObject({ userName: "bob", canPassNow: false });
    expect(before.user.attached.map((a) => a.policyName)).toEqual(expect.arrayContaining(["PassRole-eas-oss-reader"]));
    expect(before.grantPlan.steps.map((st) => `${st.operation} ${st.target}`)).toEqual([`CreatePolicy ${asked.policyName}`, "AttachPolicyToUser bob"]);
    expect(before.existingDocument).toBeNull();
    // One preview per duration the reviewer may choose, each the whole new document with its own expiry.
    expect(before.documents.map((d) => d.duration)).toEqual(["1d", "7d", "30d"]);
    const oneDay = before.documents[0];
    expect(Date.parse(oneDay.expiresAt!) - Date.parse(before.readAt)).toBeGreaterThan(86_399_000);
    expect(oneDay.lines.every((l) => l.kind === "add")).toBe(true);
    expect(oneDay.lines.map((l) => l.text).join("\n")).toContain(oneDay.expiresAt);

    await approveRequest(p.deps, s.alice, asked.id, { duration: "7d" });
    const after = await loadReview(p.deps, s.dave, asked.id);
    expect(after.user).toMatchObject({ canPassNow: true });
    expect(after.role.detail?.usage.passers).toEqual(["alice", "bob"]);
    expect(after.user.attached.map((a) => a.policyName)).toContain(asked.policyName);
    expect(after.removalPlan.steps.map((st) => st.operation)).toEqual(["DetachPolicyFromUser", "DeletePolicy"]);
    // Past the expiry, the same evaluation says no, as RAM will.
    const late = s.start({ now: () => new Date(Date.now() + 8 * 86_400_000) });
    expect((await loadReview(late.deps, s.dave, asked.id)).user.canPassNow).toBe(false);
    await revokeRequest(p.deps, s.alice, asked.id, {});
  });
});
