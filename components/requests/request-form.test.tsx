// @vitest-environment jsdom
import { cleanup, fireEvent, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { renderWithProviders } from "@/components/testing/render";
import type { RequestFormData } from "@/lib/approvals/types";
import { RequestForm } from "./request-form";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const data: RequestFormData = {
  roles: [
    { name: "eas-oss-reader", description: "", easCanAssume: true, services: [], passable: { bob: "direct" } },
    { name: "eas-nas-image", description: "", easCanAssume: true, services: [], passable: { carol: "group" } },
    { name: "eas-restricted", description: "", easCanAssume: true, services: [], passable: {} },
  ],
  ramUsers: ["bob", "carol"],
  defaultRamUser: "bob",
  fetchedAt: 0,
};

describe("the PassRole request form", () => {
  it("marks the roles the chosen RAM user may already pass, with how, and follows the choice", () => {
    renderWithProviders(<RequestForm data={data} />);
    expect(screen.getByTestId("passable-eas-oss-reader").textContent).toBe("bob may pass it already: a policy names it");
    expect(screen.queryByTestId("passable-eas-nas-image")).toBeNull();
    fireEvent.change(screen.getByLabelText("RAM user to receive it"), { target: { value: "carol" } });
    expect(screen.getByTestId("passable-eas-nas-image").textContent).toBe("carol may pass it already: through a group");
    expect(screen.queryByTestId("passable-eas-oss-reader")).toBeNull();
  });

  it("refuses an empty reason with a whole sentence, before sending anything", () => {
    const fetch = vi.fn();
    vi.stubGlobal("fetch", fetch);
    renderWithProviders(<RequestForm data={data} />);
    fireEvent.click(screen.getByRole("radio", { name: "eas-restricted" }));
    fireEvent.click(screen.getByRole("button", { name: "Send request" }));
    expect(screen.getByText("Say why you need this role: the reviewer reads the reason before deciding.")).toBeTruthy();
    expect(screen.getByLabelText("Reason").getAttribute("aria-invalid")).toBe("true");
    expect(fetch).not.toHaveBeenCalled();
  });
});
