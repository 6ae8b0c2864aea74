import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { DEMO_KEYS } from "../emulator/seed/demo-keys";
import { ROUTE_ACCESS } from "../lib/auth/route-access";
import { e2eEnv } from "../playwright.config";
import { signIn } from "./fixtures/auth";

const EMULATOR_SECRET = "RoleScopeEmulatorSecret0000000000";
const PAGES = ["/", "/services", "/roles", "/admin/users", "/audit", "/login"];

test("no password hash, session id or AccessKey secret reaches a page, an API response or the server log", async ({ page, context }) => {
  await signIn(page, "alice");
  const session = (await context.cookies()).find((c) => c.name === "rolescope_session")!.value;
  const forbidden = [session, "scrypt$", EMULATOR_SECRET, ...Object.values(DEMO_KEYS).map((k) => k.secret)];

  const pending: Promise<[string, string]>[] = [];
  page.on("response", (res) => {
    const type = res.request().resourceType();
    if (type === "document" || type === "fetch") pending.push(res.text().then((t) => [res.url(), t] as [string, string], () => [res.url(), ""]));
  });
  for (const path of PAGES) await page.goto(path, { waitUntil: "networkidle" });
  const bodies = await Promise.all(pending);
  for (const entry of ROUTE_ACCESS.filter((e) => e.method === "GET")) {
    const url = entry.probe?.path ?? entry.path;
    bodies.push([url, await (await page.request.get(url)).text()]);
  }
  expect(bodies.length).toBeGreaterThan(PAGES.length);

  for (const [url, body] of bodies) for (const secret of forbidden) expect(body.includes(secret), `${url} contains a secret`).toBe(false);
  const log = fs.readFileSync(e2eEnv.SERVER_LOG, "utf8");
  expect(log).toContain("Ready");
  for (const secret of forbidden) expect(log.includes(secret), "the server log contains a secret").toBe(false);
});
