// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { renderWithProviders } from "@/components/testing/render";
import { resetNavigation } from "@/components/testing/fake-navigation";
import { servicesQuerySchema } from "@/lib/inventory/query";
import type { Paged, ServiceRow } from "@/lib/inventory/types";
import { ServicesTable } from "./services-table";

vi.mock("next/navigation", () => import("@/components/testing/fake-navigation"));

const row = (name: string, status = "Running"): ServiceRow => ({
  region: "cn-hangzhou",
  name,
  status,
  roleMode: "custom",
  roleName: "eas-oss-reader",
  health: { state: "ok", issues: [] },
  createTime: "2026-01-01T00:00:00Z",
  updateTime: "2026-01-02T00:00:00Z",
});

// The route handler, as far as the table can tell: it answers each query with one page of 57 rows.
const requested: URLSearchParams[] = [];
function answer(url: string): Paged<ServiceRow> {
  const params = new URL(url, "http://localhost").searchParams;
  requested.push(params);
  const pageSize = Number(params.get("pageSize") ?? 20);
  const page = Number(params.get("page") ?? 1);
  return { items: Array.from({ length: pageSize }, (_, i) => row(`svc-${page}-${i}`)), total: 57, page, pageSize, fetchedAt: Date.UTC(2026, 0, 2, 3, 4, 5) };
}

const search = () => new URLSearchParams(window.location.search);
const select = (label: string) => screen.getByLabelText(label) as HTMLSelectElement;
const lastRequest = () => requested.at(-1)!;

beforeEach(() => {
  requested.length = 0;
  vi.stubGlobal("fetch", vi.fn(async (url: string) => new Response(JSON.stringify(answer(url)), { status: 200 })));
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

async function open(url: string) {
  resetNavigation(url);
  renderWithProviders(<ServicesTable regions={["cn-hangzhou", "ap-southeast-1"]} />);
  await screen.findByRole("table", { name: "EAS services" });
}

describe("services list filters", () => {
  it("keeps every other filter, the sort and the page size when one changes, and goes back to page 1", async () => {
    await open("/services?region=cn-hangzhou&q=fraud&sort=-status&pageSize=50&page=2");
    fireEvent.change(select("Role mode"), { target: { value: "custom" } });
    expect(Object.fromEntries(search())).toEqual({ region: "cn-hangzhou", q: "fraud", sort: "-status", pageSize: "50", mode: "custom" });

    fireEvent.change(select("Status"), { target: { value: "Failed" } });
    fireEvent.change(select("Health"), { target: { value: "problem" } });
    fireEvent.change(select("Region"), { target: { value: "" } });
    expect(Object.fromEntries(search())).toEqual({ q: "fraud", sort: "-status", pageSize: "50", mode: "custom", status: "Failed", health: "problem" });
    await waitFor(() => expect(lastRequest().get("health")).toBe("problem"));
    expect(lastRequest().get("status")).toBe("Failed");
    expect(lastRequest().get("region")).toBeNull();
  });

  it("keeps both of two changes made before the list re-renders", async () => {
    await open("/services?mode=default");
    // Both in one task: the second change happens before the first one's render.
    act(() => {
      fireEvent.change(select("Role mode"), { target: { value: "custom" } });
      fireEvent.change(select("Status"), { target: { value: "Failed" } });
    });
    expect(search().get("mode")).toBe("custom");
    expect(search().get("status")).toBe("Failed");
    await waitFor(() => expect(select("Status").value).toBe("Failed"));
    expect(select("Role mode").value).toBe("custom");
    await waitFor(() => expect(lastRequest().toString()).toBe("mode=custom&status=Failed"));
  });

  it("writes the search a moment after typing stops, within the server's length limit", async () => {
    await open("/services?status=Running");
    const box = screen.getByRole("searchbox", { name: "Search services" }) as HTMLInputElement;
    expect(box.maxLength).toBe(200);
    expect(servicesQuerySchema.safeParse({ q: "x".repeat(box.maxLength) }).success).toBe(true);
    expect(servicesQuerySchema.safeParse({ q: "x".repeat(box.maxLength + 1) }).success).toBe(false);
    fireEvent.change(box, { target: { value: "churn" } });
    fireEvent.change(select("Role mode"), { target: { value: "none" } });
    await waitFor(() => expect(search().get("q")).toBe("churn"));
    expect(Object.fromEntries(search())).toEqual({ status: "Running", mode: "none", q: "churn" });
  });

  it("clears the filters but keeps the sort and the page size", async () => {
    await open("/services?mode=custom&q=x&sort=-name&pageSize=100");
    fireEvent.click(screen.getAllByRole("button", { name: "Clear filters" })[0]);
    expect(Object.fromEntries(search())).toEqual({ sort: "-name", pageSize: "100" });
  });
});

describe("services list refresh", () => {
  it("asks the console to drop its cached reads of the list, then reads the page again", async () => {
    await open("/services?mode=custom");
    const fetchMock = vi.mocked(fetch);
    const before = fetchMock.mock.calls.length;
    fireEvent.click(screen.getByRole("button", { name: "Refresh" }));
    await waitFor(() => expect(fetchMock.mock.calls.length).toBeGreaterThanOrEqual(before + 2));
    const [url, init] = fetchMock.mock.calls[before] as [string, RequestInit];
    expect(url).toBe("/api/refresh");
    expect(init.method).toBe("POST");
    expect(JSON.parse(String(init.body))).toEqual({ what: "services" });
    expect(fetchMock.mock.calls[before + 1][0]).toBe("/api/services?mode=custom");
  });
});

describe("services list pages", () => {
  it("offers 20, 50 and 100 rows per page, in the URL, back on page 1", async () => {
    await open("/services?status=Running&page=2");
    expect(screen.getByText("21–40 of 57")).toBeTruthy();
    const size = select("Rows per page");
    expect([...size.options].map((o) => o.value)).toEqual(["20", "50", "100"]);
    expect(size.value).toBe("20");

    fireEvent.change(size, { target: { value: "50" } });
    expect(Object.fromEntries(search())).toEqual({ status: "Running", pageSize: "50" });
    await screen.findByText("1–50 of 57");
    expect(lastRequest().get("pageSize")).toBe("50");
    expect(select("Rows per page").value).toBe("50");

    fireEvent.change(select("Rows per page"), { target: { value: "20" } });
    expect(search().has("pageSize")).toBe(false);
    await screen.findByText("1–20 of 57");
  });

  it("links to the next and previous pages with the filters kept", async () => {
    await open("/services?mode=custom&pageSize=50");
    expect(screen.getByRole("link", { name: "Next page" }).getAttribute("href")).toBe("/services?mode=custom&pageSize=50&page=2");
    expect(screen.queryByRole("link", { name: "Previous page" })).toBeNull();
  });

  it("keeps a size set by hand in the URL selectable", async () => {
    await open("/services?pageSize=5");
    expect([...select("Rows per page").options].map((o) => o.value)).toEqual(["5", "20", "50", "100"]);
    expect(select("Rows per page").value).toBe("5");
  });
});

describe("services list on a slow cloud", () => {
  // The listing (facts=none) answers at once; the full answer waits until the test lets it go.
  let release: () => void = () => undefined;
  beforeEach(() => {
    const held = new Promise<void>((r) => (release = r));
    vi.stubGlobal(
      "fetch",
      vi.fn(async (url: string) => {
        const params = new URL(url, "http://localhost").searchParams;
        const full = answer(url);
        if (params.get("facts") === "none") {
          const items = full.items.map((r) => {
            const rest: Partial<ServiceRow> = { ...r };
            delete rest.health;
            delete rest.cause;
            return rest;
          });
          return new Response(JSON.stringify({ ...full, items }), { status: 200 });
        }
        await held;
        return new Response(JSON.stringify(full), { status: 200 });
      }),
    );
  });

  it("shows the rows with their health being checked, then fills the health in where the reader is", async () => {
    await open("/services?sort=-status&page=2&mode=custom");
    const rows = screen.getAllByTestId(/^service-row-/);
    expect(rows.map((r) => r.dataset.testid)).toEqual(Array.from({ length: 20 }, (_, i) => `service-row-svc-2-${i}`));
    expect(screen.getAllByText("Checking…")).toHaveLength(20);
    const table = () => within(screen.getByRole("table", { name: "EAS services" }));
    expect(table().queryByText("Healthy")).toBeNull();
    expect(screen.getByRole("status").textContent).toBe("The services are listed; each role's health is still being checked.");
    // The listing was asked for with the reader's own sort, filter and page.
    const listing = requested.find((p) => p.get("facts") === "none")!;
    expect(Object.fromEntries(listing)).toEqual({ sort: "-status", page: "2", mode: "custom", facts: "none" });

    const link = screen.getByRole("link", { name: "svc-2-7" });
    link.focus();
    release();
    await waitFor(() => expect(screen.queryByText("Checking…")).toBeNull());
    expect(table().getAllByText("Healthy")).toHaveLength(20);
    expect(screen.getAllByTestId(/^service-row-/).map((r) => r.dataset.testid)).toEqual(rows.map((r) => r.dataset.testid));
    // The same link, not a new one: focus and the reader's place stay.
    expect(document.activeElement).toBe(link);
    expect(screen.getByText("21–40 of 57")).toBeTruthy();
    expect(screen.getByRole("status").textContent).toBe("Every service's health has been checked.");
    expect(Object.fromEntries(search())).toEqual({ sort: "-status", page: "2", mode: "custom" });
  });

  it("waits for the full answer when the list is sorted or filtered by health", async () => {
    resetNavigation("/services?sort=health");
    renderWithProviders(<ServicesTable regions={["cn-hangzhou"]} />);
    await waitFor(() => expect(requested.length).toBeGreaterThan(0));
    expect(screen.queryByRole("table")).toBeNull();
    release();
    await screen.findByRole("table", { name: "EAS services" });
    expect(screen.queryByText("Checking…")).toBeNull();
    expect(requested.map((p) => p.toString())).toEqual(["sort=health"]);
  });
});
