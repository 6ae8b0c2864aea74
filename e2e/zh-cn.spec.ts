import { mkdirSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { demoPassword, signIn } from "./fixtures/auth";

// The console in Chinese (NEXT_LOCALE=zh-CN): every page and the main journeys, failing on a
// missing message, MISSING_MESSAGE in the browser console, text overflowing its box, or a button
// whose label wraps onto a second line. Screenshots at 1440 and 1280 px go to test-results/zh-cn/.

const SHOTS = "test-results/zh-cn";
const PAGES: [string, string][] = [
  ["overview", "/"],
  ["services", "/services"],
  ["service-diagnosis", "/services/cn-hangzhou/churn-predictor"],
  ["service-detail", "/services/cn-hangzhou/chat-summarizer"],
  ["failing-services", "/issues"],
  ["roles", "/roles"],
  ["role-detail", "/roles/eas-oss-reader"],
  ["setup", "/setup"],
  ["preflight", "/preflight"],
  ["requests", "/requests"],
  ["approvals", "/approvals"],
  ["users", "/admin/users"],
  ["audit", "/audit"],
  ["credentials", "/settings/credentials"],
  ["not-found", "/no-such-page"],
];

/** What looks wrong in the rendered page: untranslated keys, overflowing boxes, wrapped buttons. */
async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const name = (el: Element) => `${el.tagName.toLowerCase()} “${(el.textContent ?? "").trim().slice(0, 40)}”`;
    const text = document.body.innerText;
    if (text.includes("MISSING_MESSAGE")) problems.push("MISSING_MESSAGE in the page");
    // next-intl renders a missing key as its path: `namespace.group.key`. Stable codes shown as
    // code (audit actions such as `users.create`, in their cells and the filter) look alike and are set aside.
    const prose = [...document.querySelectorAll("main, header")]
      .map((root) => {
        const copy = root.cloneNode(true) as HTMLElement;
        copy.querySelectorAll("code, pre, select, .font-mono").forEach((c) => c.remove());
        return copy.textContent ?? "";
      })
      .join("\n");
    for (const m of prose.matchAll(/\b(common|shell|overview|auth|users|audit|services|roles|policy|wizard|preflight|approvals|settings|diagnosis|lists|errors|service-detail|role-detail)\.[a-zA-Z]+(\.[a-zA-Z-]+)*\b/g)) problems.push(`raw key ${m[0]}`);
    for (const el of document.querySelectorAll("button, a[role=button], [role=tab], th, label, h1, h2, h3, nav a")) {
      const box = el as HTMLElement;
      if (box.offsetParent === null || box.clientWidth === 0) continue;
      if (box.scrollWidth > box.clientWidth + 1 && getComputedStyle(box).overflowX === "visible") problems.push(`overflows its box: ${name(el)}`);
    }
    for (const el of document.querySelectorAll("button")) {
      const b = el as HTMLElement;
      if (b.offsetParent === null || !(b.textContent ?? "").trim()) continue;
      const range = document.createRange();
      range.selectNodeContents(b);
      // A smaller glyph (the ▾ of a menu button) sits a few pixels lower on the same line: only a
      // rect a whole line lower is a second line.
      const rects = [...range.getClientRects()].filter((r) => r.width > 0);
      const line = parseFloat(getComputedStyle(b).lineHeight) || parseFloat(getComputedStyle(b).fontSize) * 1.2;
      if (rects.some((r) => r.top - rects[0].top > line * 0.8)) problems.push(`button label breaks across lines: ${name(el)}`);
    }
    return problems;
  });
}

function watchConsole(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (m) => {
    if (/MISSING_MESSAGE|FORMATTING_ERROR|INVALID_MESSAGE/.test(m.text())) errors.push(`${page.url()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => errors.push(`${page.url()}: ${e.message}`));
  return errors;
}

async function look(page: Page, shot: string): Promise<string[]> {
  await page.waitForLoadState("networkidle");
  const problems: string[] = [];
  for (const width of [1440, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    problems.push(...(await layoutProblems(page)).map((p) => `${shot}@${width}: ${p}`));
    await page.screenshot({ path: `${SHOTS}/${shot}-${width}.png`, fullPage: true });
  }
  return problems;
}

test.beforeAll(() => mkdirSync(SHOTS, { recursive: true }));

test("every page reads in Chinese, whole and in its boxes", async ({ page, context, baseURL }) => {
  test.setTimeout(240_000);
  await context.addCookies([{ name: "NEXT_LOCALE", value: "zh-CN", url: baseURL! }]);
  const errors = watchConsole(page);
  await signIn(page, "alice");
  const problems: string[] = [];
  for (const [shot, url] of PAGES) {
    await page.goto(url);
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    problems.push(...(await look(page, shot)));
  }
  expect(problems).toEqual([]);
  expect(errors).toEqual([]);
});

test("signed out, the sign-in page follows Accept-Language and the switch; signed in, the profile keeps the choice", async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const chinese = await browser.newContext({ baseURL, locale: "zh-CN", extraHTTPHeaders: { "Accept-Language": "zh-CN,zh;q=0.9" } });
  const page = await chinese.newPage();
  const errors = watchConsole(page);
  await page.goto("/login");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByRole("heading", { name: "登录" })).toBeVisible();
  expect(await look(page, "login")).toEqual([]);
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.getByRole("button", { name: "中文" }).click();
  await expect(page.getByRole("heading", { name: "登录" })).toBeVisible();
  await page.getByLabel("用户名").fill("bob");
  await page.getByLabel("密码").fill(demoPassword("bob"));
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByRole("heading", { name: "概览" })).toBeVisible();
  // The choice went to bob's profile: an English browser that signs in as bob reads Chinese.
  const other = await browser.newContext({ baseURL, extraHTTPHeaders: { "Accept-Language": "en-US" } });
  const second = await other.newPage();
  await signIn(second, "bob");
  await second.goto("/roles");
  await expect(second.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(second.getByRole("heading", { name: "角色", exact: true })).toBeVisible();
  await other.close();
  await chinese.close();
  expect(errors).toEqual([]);
});

test("an API error reads in Chinese with its code unchanged", async ({ request }) => {
  const res = await request.post("/api/auth/login", { data: { username: "alice", password: "wrong-password" }, headers: { "Accept-Language": "zh-CN" } });
  expect(res.status()).toBe(401);
  expect(await res.json()).toEqual({ error: { code: "invalid_credentials", message: "用户名或密码错误。" } });
});
