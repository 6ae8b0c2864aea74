// @vitest-environment jsdom
import { cleanup, fireEvent, screen, within } from "@testing-library/react";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { renderWithProviders } from "@/components/testing/render";
import type { FixView } from "./api";
import { FixCard } from "./fix-card";

// jsdom has <dialog> but not its modal methods; these do what the browser does to the element.
beforeAll(() => {
  HTMLDialogElement.prototype.showModal = function (this: HTMLDialogElement) {
    this.setAttribute("open", "");
  };
  HTMLDialogElement.prototype.close = function (this: HTMLDialogElement) {
    this.removeAttribute("open");
  };
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const fix: FixView = {
  id: "add-eas-trust",
  kind: "add-trust-principal",
  title: "Add eas.pai.aliyuncs.com to the trust policy of ecs-batch-role",
  redeploys: false,
  preview: {
    action: "fix.add_eas_trust",
    target: "cn-hangzhou/churn-predictor",
    title: "Add eas.pai.aliyuncs.com to the trust policy of ecs-batch-role",
    steps: [
      {
        id: "update-trust",
        operation: "UpdateRole",
        service: "RAM",
        target: "ecs-batch-role",
        params: {},
        diff: [
          { kind: "same", text: '"Service": [' },
          { kind: "same", text: '  "ecs.aliyuncs.com",' },
          { kind: "add", text: '  "eas.pai.aliyuncs.com"' },
        ],
      },
    ],
    token: "0123456789abcdef0123456789abcdef",
    widens: { role: "ecs-batch-role", principal: "eas.pai.aliyuncs.com", trusted: [{ kind: "Service", value: "ecs.aliyuncs.com" }], services: [{ region: "cn-hangzhou", name: "churn-nightly" }] },
  },
};

function renderCard() {
  const fetch = vi.fn(async () => new Response(JSON.stringify({ ok: true, steps: [], requestIds: [], audit: { id: 7 } }), { status: 200, headers: { "content-type": "application/json" } }));
  vi.stubGlobal("fetch", fetch);
  const onApplied = vi.fn();
  renderWithProviders(<FixCard fix={fix} region="cn-hangzhou" name="churn-predictor" canFix onApplied={onApplied} onStale={() => {}} />);
  return { fetch, onApplied };
}

describe("applying a fix", () => {
  it("asks first, in a dialog with the diff and who else the change lets assume the role; nothing is sent yet", () => {
    const { fetch } = renderCard();
    fireEvent.click(screen.getByRole("button", { name: "Apply fix" }));
    const dialog = screen.getByRole("dialog", { name: /Apply this fix\?/ });
    expect(within(dialog).getByText('"eas.pai.aliyuncs.com"', { exact: false }).closest("[data-diff]")?.getAttribute("data-diff")).toBe("add");
    const widens = within(dialog).getByTestId("widens");
    expect(widens.textContent).toContain("This fix widens who may assume ecs-batch-role");
    expect(within(widens).getByTestId("widens-trusted").textContent).toContain("ecs.aliyuncs.com");
    expect(within(widens).getByRole("link", { name: "cn-hangzhou/churn-nightly" }).getAttribute("href")).toBe("/services/cn-hangzhou/churn-nightly");
    expect(fetch).not.toHaveBeenCalled();
    fireEvent.click(within(dialog).getByRole("button", { name: "Cancel" }));
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(fetch).not.toHaveBeenCalled();
  });

  it("sends the previewed token once confirmed", async () => {
    const { fetch, onApplied } = renderCard();
    fireEvent.click(screen.getByRole("button", { name: "Apply fix" }));
    fireEvent.click(within(screen.getByRole("dialog")).getByRole("button", { name: "Confirm and apply" }));
    await vi.waitFor(() => expect(onApplied).toHaveBeenCalled());
    expect(fetch).toHaveBeenCalledTimes(1);
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe("/api/services/cn-hangzhou/churn-predictor/fixes/add-eas-trust");
    expect(init.method).toBe("POST");
    expect(JSON.parse(String(init.body))).toEqual({ confirm: true, token: fix.preview.token });
  });
});

const grantFix = (duration: "1d" | "7d", token: string, expiresAt: string): FixView => ({
  id: "grant-passrole",
  kind: "grant-passrole",
  title: `Let carol pass eas-restricted to EAS for ${duration === "1d" ? "1 day" : "7 days"}, through a PassRole request`,
  redeploys: false,
  preview: {
    action: "fix.grant_passrole",
    target: "cn-hangzhou/chat-summarizer",
    title: "",
    steps: [
      { id: "create-policy", operation: "CreatePolicy", service: "RAM", target: "RoleScope-PassRole-carol-eas-restricted-0a1b2c3d", params: {}, diff: [{ kind: "add", text: `"acs:CurrentTime": ["${expiresAt}"]` }] },
      { id: "attach-policy", operation: "AttachPolicyToUser", service: "RAM", target: "carol", params: { PolicyType: "Custom" } },
    ],
    token,
    grant: { ramUser: "carol", roleName: "eas-restricted", roleArn: "acs:ram::1784200000000001:role/eas-restricted", policyName: "RoleScope-PassRole-carol-eas-restricted-0a1b2c3d", duration, expiresAt },
  },
});

describe("applying the grant-passrole fix", () => {
  const day = grantFix("1d", "11111111111111111111111111111111", "2026-12-08T19:00:00.000Z");
  const week = grantFix("7d", "77777777777777777777777777777777", "2026-12-14T19:00:00.000Z");
  const answer = { ok: true, steps: [], requestIds: [], audit: { id: 9 }, request: { id: "6f1c2a9e-0d1b-4c1e-9a57-3f0e2b7c8d11", state: "granted", policyName: day.preview.grant!.policyName, expiresAt: "2026-12-14T19:00:31.000Z" } };
  const reply = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

  it("says it becomes a request in Approvals that ends, previews another duration on demand, and applies that one", async () => {
    const fetch = vi.fn(async (url: string) => (url.includes("?duration=") ? reply({ fix: week }) : reply(answer)));
    vi.stubGlobal("fetch", fetch);
    const onApplied = vi.fn();
    renderWithProviders(<FixCard fix={day} region="cn-hangzhou" name="chat-summarizer" canFix onApplied={onApplied} onStale={() => {}} />);
    fireEvent.change(screen.getByRole("combobox", { name: "Grant for" }), { target: { value: "7d" } });
    await vi.waitFor(() => expect(screen.getByText(week.title)).toBeTruthy());
    expect((fetch.mock.calls[0] as unknown as [string])[0]).toBe("/api/services/cn-hangzhou/chat-summarizer/fixes/grant-passrole?duration=7d");
    fireEvent.click(screen.getByRole("button", { name: "Apply fix" }));
    const dialog = screen.getByRole("dialog");
    expect(within(dialog).getByTestId("grant-note").textContent).toBe(
      "Applying this files a PassRole request for carol on eas-restricted, approved by you, and grants it at once. The request is listed in Approvals, where it can be revoked; the grant ends by itself 7 days after it is applied (about 2026-12-14 19:00 UTC if you apply it now).",
    );
    fireEvent.click(within(dialog).getByRole("button", { name: "Confirm and apply" }));
    await vi.waitFor(() => expect(onApplied).toHaveBeenCalled());
    const [, init] = fetch.mock.calls[1] as unknown as [string, RequestInit];
    expect(JSON.parse(String(init.body))).toEqual({ confirm: true, token: week.preview.token, duration: "7d" });
    const filed = screen.getByTestId("filed-request");
    expect(filed.textContent).toContain(`Filed as PassRole request ${answer.request.id}: granted, until 2026-12-14 19:00 UTC.`);
    expect(within(filed).getByRole("link", { name: "Open the request in Approvals" }).getAttribute("href")).toBe(`/approvals/${answer.request.id}`);
  });

  it("an open request for the pair is said as the server words it, not taken for a stale preview", async () => {
    const message = "carol already has an open request for eas-restricted (6f1c2a9e-0d1b-4c1e-9a57-3f0e2b7c8d11, pending).";
    vi.stubGlobal("fetch", vi.fn(async () => reply({ error: { code: "conflict", message } }, 409)));
    const onStale = vi.fn();
    renderWithProviders(<FixCard fix={day} region="cn-hangzhou" name="chat-summarizer" canFix onApplied={() => {}} onStale={onStale} />);
    fireEvent.click(screen.getByRole("button", { name: "Apply fix" }));
    fireEvent.click(within(screen.getByRole("dialog")).getByRole("button", { name: "Confirm and apply" }));
    await vi.waitFor(() => expect(screen.getByText(message)).toBeTruthy());
    expect(onStale).not.toHaveBeenCalled();
  });
});
