import { expect, test, type APIRequestContext } from "@playwright/test";
import { can } from "../lib/permissions";
import { ROUTE_ACCESS, type RouteAccess } from "../lib/auth/route-access";
import { signInRequest } from "./fixtures/auth";

type Caller = "anonymous" | "engineer" | "admin";
const CALLERS: Caller[] = ["anonymous", "engineer", "admin"];
const SIGN_IN_AS = { engineer: "bob", admin: "alice" } as const;

function expected(entry: RouteAccess, caller: Caller): number {
  const allowed = entry.probe?.allowed ?? 200;
  if (entry.access === "public") return caller === "anonymous" ? (entry.probe?.anonymous ?? allowed) : allowed;
  if (caller === "anonymous") return 401;
  return can(caller, entry.access) ? allowed : 403;
}

// Sign-out ends the caller's session, so it runs last for each caller.
const ordered = [...ROUTE_ACCESS].sort((a, b) => Number(a.path === "/api/auth/logout") - Number(b.path === "/api/auth/logout"));

test.describe("access matrix: every route handler for anonymous, engineer and admin", () => {
  for (const caller of CALLERS) {
    test(`as ${caller}`, async ({ playwright, baseURL }) => {
      const ctx: APIRequestContext = await playwright.request.newContext({ baseURL, maxRedirects: 0 });
      if (caller !== "anonymous") await signInRequest(ctx, SIGN_IN_AS[caller]);
      const failures: string[] = [];
      for (const entry of ordered) {
        const url = entry.probe?.path ?? entry.path;
        const res = await ctx.fetch(url, { method: entry.method, ...(entry.probe?.body !== undefined ? { data: entry.probe.body } : {}) });
        const want = expected(entry, caller);
        if (res.status() !== want) failures.push(`${entry.method} ${url}: expected ${want}, got ${res.status()}`);
        if (res.status() === 401 || res.status() === 403) {
          const body = (await res.json()) as { error?: { code?: string } };
          if (!body.error?.code) failures.push(`${entry.method} ${url}: ${res.status()} without a JSON error code`);
        }
      }
      expect(failures).toEqual([]);
      await ctx.dispose();
    });
  }
});
