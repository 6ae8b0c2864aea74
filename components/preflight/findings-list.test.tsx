// @vitest-environment jsdom
import { cleanup, render, screen } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import { afterEach, describe, expect, it } from "vitest";
import { pickMessages } from "@/i18n/pick-messages";
import messages from "@/messages/en";
import { renderWithProviders } from "@/components/testing/render";
import { ApiErrorNotice } from "@/components/wizard/api-error-notice";
import { ApiRequestError } from "@/components/wizard/post-json";
import { FindingsList } from "./findings-list";

afterEach(cleanup);

const policy = '{"Version":"1","Statement":[{"Effect":"Allow","Action":["ram:PassRole"],"Resource":["acs:ram::1784200000000001:role/eas-asr"]}]}';

describe("preflight findings", () => {
  it("link to the role and to a prefilled PassRole request, and show the fix policy as a formatted JSON block", () => {
    renderWithProviders(
      <FindingsList
        findings={[
          {
            code: "PASSROLE_MISSING",
            severity: "error",
            path: "role_arn",
            message: "The RAM user bob may not pass the role eas-asr to EAS (ram:PassRole), so the deployment would fail.",
            fix: `An administrator grants bob this policy, for a limited time, by approving a PassRole request: ${policy}`,
            refs: { role: "eas-asr", user: "bob", document: policy },
          },
        ]}
      />,
    );
    expect(screen.getByRole("link", { name: "Open the role eas-asr" }).getAttribute("href")).toBe("/roles/eas-asr");
    expect(screen.getByRole("link", { name: "Request ram:PassRole on eas-asr for bob" }).getAttribute("href")).toBe("/requests?role=eas-asr&ramUser=bob");
    const block = screen.getByLabelText("The policy the fix of PASSROLE_MISSING asks for");
    expect(block.textContent).toContain('"Resource": [');
    expect(block.textContent).toContain('"acs:ram::1784200000000001:role/eas-asr"');
    expect(screen.getByText(/approving a PassRole request:$/).textContent).not.toContain("{");
    expect(screen.getByRole("button", { name: "Copy the policy" })).toBeTruthy();
  });
});

describe("a failed call on a page that loads only its own namespace", () => {
  it("is said in words from the catalog, never a raw key nor a missing message", () => {
    const missing: string[] = [];
    render(
      <NextIntlClientProvider locale="en" timeZone="UTC" messages={pickMessages(messages, ["common", "preflight"])} onError={(e) => missing.push(e.message)}>
        <ApiErrorNotice error={new ApiRequestError({ code: "invalid_input", message: "Check the fields.", fields: { deployer: "must name a RAM user of this account" } })} />
      </NextIntlClientProvider>,
    );
    expect(missing).toEqual([]);
    expect(screen.getByText("The console could not do this")).toBeTruthy();
    expect(screen.queryByText(/wizard\./)).toBeNull();
  });
});
