// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { NextIntlClientProvider } from "next-intl";
import { afterEach, describe, expect, it, vi } from "vitest";
import { pickMessages } from "@/i18n/pick-messages";
import messages from "@/messages/en";
import { PreflightForm } from "./preflight-form";

vi.mock("next/navigation", () => ({ useRouter: () => ({ push: () => {} }) }));

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

// As the preflight page renders it: only the namespaces that page hands its client components.
function renderForm(missing: string[]) {
  return render(
    <NextIntlClientProvider locale="en" timeZone="UTC" messages={pickMessages(messages, ["common", "preflight"])} onError={(e) => missing.push(e.message)}>
      <QueryClientProvider client={new QueryClient()}>
        <PreflightForm regions={["cn-hangzhou"]} services={[]} users={["alice", "bob"]} linkedRamUser="bob" picked="" missing={false} />
      </QueryClientProvider>
    </NextIntlClientProvider>,
  );
}

describe("the preflight deployer", () => {
  it("offers the account's RAM users, and refuses a malformed name with the rule before any call", () => {
    const fetch = vi.fn();
    vi.stubGlobal("fetch", fetch);
    const missing: string[] = [];
    renderForm(missing);
    const field = screen.getByLabelText("Deployer (RAM user, optional)");
    expect([...document.querySelectorAll("#pf-deployers option")].map((o) => o.getAttribute("value"))).toEqual(["alice", "bob"]);
    fireEvent.change(field, { target: { value: "bob smith" } });
    fireEvent.click(screen.getByRole("button", { name: "Check" }));
    expect(screen.getByTestId("deployer-error").textContent).toBe("The deployer must be a RAM user name: 1–64 letters, digits, dots, underscores, @ and hyphens.");
    expect(field.getAttribute("aria-invalid")).toBe("true");
    expect(fetch).not.toHaveBeenCalled();
    expect(missing).toEqual([]);
  });

  it("says an unknown deployer is not a RAM user of the account, never a raw key", async () => {
    vi.stubGlobal("fetch", vi.fn(async () => new Response(JSON.stringify({ error: { code: "invalid_input", message: "Check the fields.", fields: { deployer: "must name a RAM user of this account" } } }), { status: 400 })));
    const missing: string[] = [];
    renderForm(missing);
    fireEvent.change(screen.getByLabelText("Service config JSON"), { target: { value: "{}" } });
    fireEvent.change(screen.getByLabelText("Deployer (RAM user, optional)"), { target: { value: "mallory" } });
    fireEvent.click(screen.getByRole("button", { name: "Check" }));
    expect((await screen.findByTestId("deployer-error")).textContent).toBe(
      "mallory is not a RAM user of this account: pick one from the list, or leave the field empty when the account itself deploys.",
    );
    expect(document.body.textContent).not.toMatch(/wizard\.|preflight\.form/);
    expect(missing).toEqual([]);
  });
});
