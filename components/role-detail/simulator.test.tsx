// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { simulateFor, type SimulationRequest } from "@/lib/access/simulate";
import { renderWithProviders } from "@/components/testing/render";
import type { NamedPolicy } from "@/lib/policy/types";
import { Simulator } from "./simulator";

const principal = { type: "RAMRole", account: "1234567890123456", name: "eas-oss-reader" } as const;
const policies: NamedPolicy[] = [
  {
    name: "oss-models-read",
    type: "Custom",
    document: { Version: "1", Statement: [{ Effect: "Allow", Action: ["oss:GetObject"], Resource: ["acs:oss:*:*:models/*"] }] },
  },
  {
    name: "deny-delete",
    type: "Custom",
    document: { Version: "1", Statement: [{ Effect: "Deny", Action: ["oss:DeleteObject"], Resource: ["*"] }] },
  },
];

const field = (name: string) => screen.getByLabelText(name, { exact: true }) as HTMLInputElement;
const type = (name: string, value: string) => fireEvent.change(field(name), { target: { value } });
const submit = () => fireEvent.click(screen.getByRole("button", { name: "Simulate" }));

// POST /api/simulate answered by the same evaluation the route runs, over the policies below.
let served: NamedPolicy[] = policies;
const sent: SimulationRequest[] = [];
beforeEach(() => {
  served = policies;
  sent.length = 0;
  vi.stubGlobal("fetch", async (_url: string, init: RequestInit) => {
    const body = JSON.parse(String(init.body)) as SimulationRequest;
    sent.push(body);
    return Response.json(simulateFor(principal, served, {}, body));
  });
});

afterEach(() => {
  vi.unstubAllGlobals();
  cleanup();
  window.history.replaceState(null, "", "/");
});

describe("role simulator form", () => {
  it("offers the request fields and the context keys", () => {
    renderWithProviders(<Simulator roleName="eas-oss-reader" policyNames={policies.map((p) => p.name)} initial={{}} />);
    for (const name of ["Action", "Resource", "acs:SourceIp", "acs:CurrentTime", "acs:SecureTransport", "acs:MFAPresent"]) {
      expect(field(name)).toBeTruthy();
    }
    expect(screen.getByRole("status")).toHaveProperty("textContent", expect.stringContaining("Enter an action and a resource, then simulate."));
  });

  it("names each wrong field in the summary and beside the field, and focuses the first", () => {
    renderWithProviders(<Simulator roleName="eas-oss-reader" policyNames={policies.map((p) => p.name)} initial={{}} />);
    type("Action", "GetObject");
    type("acs:SourceIp", "300.1.1.1");
    submit();
    const alert = screen.getByRole("alert");
    expect(alert.textContent).toContain("3 fields need attention");
    expect(within(alert).getByText("Action must look like service:Action (e.g. oss:GetObject).")).toBeTruthy();
    expect(within(alert).getByText("Resource is required.")).toBeTruthy();
    expect(within(alert).getByText("acs:SourceIp must be an IPv4 or IPv6 address.")).toBeTruthy();
    expect(field("Action").getAttribute("aria-invalid")).toBe("true");
    expect(field("Resource").getAttribute("aria-invalid")).toBe("true");
    expect(field("acs:CurrentTime").getAttribute("aria-invalid")).toBeNull();
    // The message beside the field is what its aria-describedby points at.
    const described = field("Action").getAttribute("aria-describedby")!.split(" ").map((id) => document.getElementById(id)?.textContent);
    expect(described).toContain("Action must look like service:Action (e.g. oss:GetObject).");
    expect(document.activeElement).toBe(field("Action"));
  });

  it("shows the decision and the statement that decides it, and writes the request to the URL", async () => {
    renderWithProviders(<Simulator roleName="eas-oss-reader" policyNames={policies.map((p) => p.name)} initial={{}} />);
    type("Action", "oss:GetObject");
    type("Resource", "acs:oss:*:*:models/a.bin");
    submit();
    expect(screen.queryByRole("alert")).toBeNull();
    await waitFor(() => expect(screen.getByTestId("sim-decision").textContent).toBe("Allow"));
    expect(screen.getByTestId("sim-statements").textContent).toContain("oss-models-read, statement 0");
    expect(window.location.search).toBe("?action=oss%3AGetObject&resource=acs%3Aoss%3A*%3A*%3Amodels%2Fa.bin");

    type("Action", "oss:DeleteObject");
    submit();
    await waitFor(() => expect(screen.getByTestId("sim-decision").textContent).toBe("Explicit deny"));
    expect(screen.getByRole("link", { name: "deny-delete, statement 0" }).getAttribute("href")).toBe("#policy-deny-delete-s0");

    type("Action", "oss:PutObject");
    submit();
    await waitFor(() => expect(screen.getByTestId("sim-decision").textContent).toBe("Implicit deny"));
  });

  it("runs the request it was opened with", async () => {
    renderWithProviders(<Simulator roleName="eas-oss-reader" policyNames={policies.map((p) => p.name)} initial={{ action: "oss:GetObject", resource: "acs:oss:*:*:logs/x" }} />);
    expect(field("Action").value).toBe("oss:GetObject");
    await waitFor(() => expect(screen.getByTestId("sim-decision").textContent).toBe("Implicit deny"));
  });

  it("opens a link with a field past RAM's length on that field's rule, and asks nothing", async () => {
    renderWithProviders(<Simulator roleName="eas-oss-reader" policyNames={policies.map((p) => p.name)} initial={{ action: "oss:GetObject", resource: `acs:oss:*:*:${"a".repeat(6_100)}` }} />);
    await waitFor(() => expect(screen.getByRole("alert").textContent).toContain("Resource must be at most 6,069 characters"));
    expect(field("Resource").getAttribute("aria-invalid")).toBe("true");
    expect(sent).toEqual([]);
  });

  it("says the answer depends on a missing context key rather than deciding", async () => {
    const guarded: NamedPolicy[] = [
      ...policies,
      { name: "office-only", type: "Custom", document: { Version: "1", Statement: [{ Effect: "Deny", Action: ["oss:*"], Resource: ["*"], Condition: { NotIpAddress: { "acs:SourceIp": ["10.0.0.0/8"] } } }] } },
    ];
    served = guarded;
    renderWithProviders(<Simulator roleName="eas-oss-reader" policyNames={guarded.map((p) => p.name)} initial={{ action: "oss:GetObject", resource: "acs:oss:*:*:models/a.bin" }} />);
    await waitFor(() => expect(screen.getByTestId("sim-decision").textContent).toBe("Depends on a missing context key"));
    expect(screen.getByTestId("sim-result").textContent).toContain("the other statements give: Allow.");
    expect(within(screen.getByTestId("sim-missing")).getByText("acs:SourceIp")).toBeTruthy();
  });

  it("decides without a policy when its toggle is on, and says so", async () => {
    renderWithProviders(<Simulator roleName="eas-oss-reader" policyNames={policies.map((p) => p.name)} initial={{ action: "oss:DeleteObject", resource: "acs:oss:*:*:models/a.bin" }} />);
    await waitFor(() => expect(screen.getByTestId("sim-decision").textContent).toBe("Explicit deny"));
    fireEvent.click(screen.getByRole("checkbox", { name: "Without deny-delete" }));
    await waitFor(() => expect(screen.getByTestId("sim-decision").textContent).toBe("Implicit deny"));
    expect(sent.at(-1)).toMatchObject({ principal: { type: "role", name: "eas-oss-reader" }, exclude: ["deny-delete"] });
    expect(screen.getByTestId("sim-without-note").textContent).toBe("Decided without: deny-delete");
  });
});
