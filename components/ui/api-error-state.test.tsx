// @vitest-environment jsdom
import { cleanup, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { renderWithProviders } from "@/components/testing/render";
import { ApiErrorState } from "./api-error-state";
import { apiCallError, fetchJson } from "./fetch-json";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("reading a route handler's error", () => {
  it("reads the one error shape, preferring the cloud's code and RequestId", () => {
    const err = apiCallError(404, "Not Found", {
      error: {
        code: "not_found",
        message: "The role does not exist.",
        cloud: { code: "EntityNotExist.Role", requestId: "5E2A-77" },
        reference: "err-3f9c",
      },
    });
    expect(err).toMatchObject({ status: 404, code: "not_found", cloudCode: "EntityNotExist.Role", requestId: "5E2A-77", reference: "err-3f9c", message: "The role does not exist." });
    expect(err.shownCode).toBe("EntityNotExist.Role");
  });

  it("keeps field errors and survives a body that is not the error shape", () => {
    expect(apiCallError(400, "Bad Request", { error: { code: "invalid_input", message: "Check the fields.", fields: { q: "at most 200 characters", n: 3 } } }).fields).toEqual({ q: "at most 200 characters" });
    const odd = apiCallError(500, "Internal Server Error", "<html>");
    expect(odd).toMatchObject({ code: "HTTP 500", message: "Internal Server Error" });
  });

  it("fetchJson rejects with what the body says", async () => {
    vi.stubGlobal("fetch", vi.fn(async () => new Response(JSON.stringify({ error: { code: "forbidden", message: "No." } }), { status: 403, statusText: "Forbidden" })));
    await expect(fetchJson("/api/x")).rejects.toMatchObject({ status: 403, code: "forbidden", message: "No." });
  });
});

describe("the error state of a failed call", () => {
  it("shows the cloud's code, the message, each refused field, the RequestId and the log reference", () => {
    const err = apiCallError(400, "Bad Request", {
      error: { code: "invalid_input", message: "Some fields are wrong.", fields: { pageSize: "at most 100" }, cloud: { code: "InvalidParameter", requestId: "REQ-1" }, reference: "ref-9" },
    });
    renderWithProviders(<ApiErrorState title="The services could not be loaded" error={err} />);
    const alert = screen.getByRole("alert");
    expect(alert.textContent).toContain("The services could not be loaded");
    expect(alert.textContent).toContain("InvalidParameter");
    expect(alert.textContent).toContain("Some fields are wrong.");
    expect(alert.textContent).toContain("pageSize: at most 100");
    expect(alert.textContent).toContain("RequestId: REQ-1");
    expect(alert.textContent).toContain("Error reference: ref-9");
  });

  it("shows a plain error's message alone", () => {
    renderWithProviders(<ApiErrorState title="Failed" error={new Error("Failed to fetch")} />);
    expect(screen.getByRole("alert").textContent).toBe("FailedFailed to fetch");
  });
});
