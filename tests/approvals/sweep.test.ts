import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { approveRequest } from "../../lib/approvals/approve-request";
import { createRequest } from "../../lib/approvals/create-request";
import { listNotices } from "../../lib/approvals/notices";
import { webhookPublisher, webhookText, type ApprovalMessage, type WebhookBody } from "../../lib/approvals/publish";
import { sweep } from "../../lib/approvals/sweep";
import { DEFAULT_ACCOUNT_ID } from "../../emulator/core/contract";
import { control } from "../support/cloud/clients";
import type { RunningEmulator } from "../../emulator/server";
import { cloudGrant, easAs, serviceConfig, setup, startEmulator, type Setup } from "./harness";

let emu: RunningEmulator;
let s: Setup;
const DAY = 86_400_000;

beforeAll(async () => {
  emu = await startEmulator();
  s = await setup(emu);
});
afterAll(() => emu?.close());

const at = (offsetMs: number) => () => new Date(Date.now() + offsetMs);

async function deployAsBob(name: string) {
  const eas = easAs(emu, "bob");
  await eas.createService("cn-hangzhou", serviceConfig(name, DEFAULT_ACCOUNT_ID, "eas-restricted"));
  await control(emu.url, "POST", "/_emulator/settle");
  return (await eas.describeService("cn-hangzhou", name)).status;
}

describe("expiry", () => {
  it("RAM stops honouring a 1-day grant once its clock passes the expiry, before any sweep; the sweep then marks it expired and removes the policy", async () => {
    const p = s.start();
    const asked = await createRequest(p.deps, s.bob, { roleName: "eas-restricted", reason: "one day", duration: "1d" });
    const granted = await approveRequest(p.deps, s.alice, asked.id, {});
    expect(await deployAsBob("day-one")).toBe("Running");

    await control(emu.url, "POST", "/_emulator/clock", { advanceSeconds: 2 * 86_400 });
    try {
      expect(await deployAsBob("day-three")).toBe("Failed");
      // The console has not swept yet: it still says granted, and the policy is still attached.
      expect((await p.stores.passRoleRequests.find(asked.id))?.state).toBe("granted");
      expect(await cloudGrant(emu, granted.policyName, "bob")).toMatchObject({ exists: true, attached: 1 });
    } finally {
      await control(emu.url, "POST", "/_emulator/clock", { reset: true });
    }

    expect(await sweep(s.start({ now: at(DAY - 60_000) }).deps)).toMatchObject({ expired: 0 });
    const later = s.start({ now: at(DAY + 60_000) });
    expect(await sweep(later.deps)).toMatchObject({ expired: 1, reminded: 0 });
    expect(await later.stores.passRoleRequests.find(asked.id)).toMatchObject({ state: "expired", removal: "done" });
    expect(await cloudGrant(emu, granted.policyName, "bob")).toMatchObject({ exists: false, attached: 0 });
    expect((await listNotices(later.deps, s.bob)).notices[0]).toMatchObject({ event: "expired", actor: "system" });
    expect(await sweep(later.deps)).toMatchObject({ expired: 0 });
  });

  it("reminds the requester once, a day before a 7-day grant ends", async () => {
    const p = s.start();
    const asked = await createRequest(p.deps, s.bob, { roleName: "eas-llm-serving", reason: "a week", duration: "7d" });
    await approveRequest(p.deps, s.alice, asked.id, {});
    expect(await sweep(s.start({ now: at(5 * DAY) }).deps)).toMatchObject({ reminded: 0 });
    // Two sweeps at once (as two replicas would run them): the conditional update lets one remind.
    const a = s.start({ now: at(6.5 * DAY) });
    const [first, second] = await Promise.all([sweep(a.deps), sweep({ ...a.deps, worker: "other", now: at(6.6 * DAY) })]);
    expect(first.reminded + second.reminded).toBe(1);
    expect(a.published.map((m) => m.event)).toEqual(["passrole.expiry_reminder"]);
    expect((await listNotices(a.deps, s.bob)).notices[0]).toMatchObject({ event: "expiry_reminder", requestId: asked.id });
    expect(await sweep(s.start({ now: at(6.9 * DAY) }).deps)).toMatchObject({ reminded: 0 });
    expect(await sweep(s.start({ now: at(7 * DAY + 1000) }).deps)).toMatchObject({ expired: 1 });
  });
});

describe("the webhook", () => {
  it("says each event in the language the console is set to speak to it, with the same codes", () => {
    const message = { event: "passrole.revoked", at: "2026-12-07T00:00:00.000Z", actor: "alice", request: { roleName: "eas-oss-reader", ramUser: "bob" } } as ApprovalMessage;
    expect(webhookText("en", message)).toBe("alice revoked PassRole on eas-oss-reader from bob.");
    expect(webhookText("zh-CN", message)).toBe("alice 撤销了 bob 对角色 eas-oss-reader 的 PassRole 权限。");
  });

  it("posts each event as JSON, and a failing endpoint is logged without its address", async () => {
    const got: WebhookBody[] = [];
    const server = createServer((req, res) => {
      let body = "";
      req.on("data", (c) => (body += c));
      req.on("end", () => {
        if (req.headers["content-type"] === "application/json") got.push(JSON.parse(body) as WebhookBody);
        res.end();
      });
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/secret-token`;
    try {
      const p = s.start();
      p.deps.publish = webhookPublisher(url);
      const asked = await createRequest(p.deps, s.bob, { roleName: "eas-no-oss", reason: "hook", duration: "1d" });
      await approveRequest(p.deps, s.dave, asked.id, {});
      await expect.poll(() => got.length).toBe(3);
      expect(got.map((m) => m.event).sort()).toEqual(["passrole.approved", "passrole.granted", "passrole.requested"]);
      expect(got.find((m) => m.event === "passrole.granted")).toMatchObject({ actor: "dave", text: "bob may now pass eas-no-oss to EAS.", request: { id: asked.id, state: "granted", roleName: "eas-no-oss", ramUser: "bob", approver: "dave" } });

      const lines: string[] = [];
      await webhookPublisher(`http://127.0.0.1:9/hooks/secret-token`, { log: (l) => lines.push(l), backoffMs: 1, timeoutMs: 500 })(got[0]);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain("was not delivered");
      expect(lines[0]).not.toContain("secret-token");
    } finally {
      server.close();
    }
  });
});
