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
