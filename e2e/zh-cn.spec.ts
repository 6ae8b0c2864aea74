import { mkdirSync } from "node:fs";
import type { Page } from "@playwright/test";
import type { PassRoleRequestView } from "../lib/approvals/types";
import { demoPassword, signIn } from "./fixtures/auth";
import { expect, test } from "./fixtures/cloud";
import { serviceInCloud, snippetText } from "./setup-cloud";

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

/**
 * English sentences a Chinese reader would meet: three English words in a row in any visible text
 * of the page, outside code (JSON, ARNs, snippets, codes in monospace), form values, and the
 * cloud's or a user's own words shown as they are (`data-verbatim`: an EAS event's message, a
 * role's description). Names and codes are single words (`eas-asr-zh`, `ram:PassRole`), so they pass.
 */
async function englishProse(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const SENTENCE = /[A-Za-z]{2,}(?:[ ,'’]+[A-Za-z]{2,}){2,}/;
    const found = new Set<string>();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (!el || el.closest("code, pre, select, textarea, script, style, .font-mono, [data-verbatim]")) continue;
      if (!el.checkVisibility() && !el.closest(".sr-only")) continue;
      const m = SENTENCE.exec(node.textContent ?? "");
      if (m) found.add(`“${(node.textContent ?? "").trim().slice(0, 80)}”`);
    }
    return [...found];
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

/** Each step of a journey: read whole in Chinese, in its boxes, with no English sentence. */
function journey(page: Page) {
  const problems: string[] = [];
  return {
    problems,
    async step(shot: string) {
      problems.push(...(await look(page, shot)));
      problems.push(...(await englishProse(page)).map((p) => `${shot}: English ${p}`));
    },
  };
}

const CJK_COMMENT = /^\s*# .*[\u4e00-\u9fff]/m;

test("Method 1 in Chinese: needs, method, outputs with Chinese comments, preflight and deploy to Running", async ({ page, context, baseURL, cloud }) => {
  test.setTimeout(240_000);
  await context.addCookies([{ name: "NEXT_LOCALE", value: "zh-CN", url: baseURL! }]);
  const errors = watchConsole(page);
  const j = journey(page);
  await signIn(page, "alice");
  await page.goto("/setup");
  await page.getByLabel("地域").selectOption("cn-hangzhou");
  await page.getByRole("button", { name: "添加 Bucket" }).click();
  await page.getByLabel("Bucket", { exact: true }).fill("models");
  await page.getByLabel("前缀").fill("v2/");
  await page.getByLabel("代码通过 PyODPS 读取 MaxCompute").check();
  await page.getByLabel("项目").fill("feature_store");
  await j.step("journey-m1-1-needs");
  await page.getByRole("button", { name: "下一步：方式", exact: true }).click();
  await expect(page.getByTestId("recommendation")).toBeVisible();
  await j.step("journey-m1-2-method");
  await page.getByRole("button", { name: "下一步：方式一：输出" }).click();
  await page.getByLabel("服务名称").fill("fraud-zh");
  await page.getByLabel("工作空间 ID", { exact: true }).fill("38291");
  expect(await snippetText(page, "python")).toMatch(CJK_COMMENT);
  expect(await snippetText(page, "credentials-credentials-file")).toMatch(CJK_COMMENT);
  await j.step("journey-m1-3-outputs");
  await page.getByRole("button", { name: "下一步：部署" }).click();
  await expect(page.getByTestId("preflight-verdict")).toHaveText("没有错误：此配置可以部署。");
  await j.step("journey-m1-4-deploy");
  await page.getByRole("button", { name: "创建服务" }).click();
  // CreateService asks to confirm first, in Chinese too.
  await expect(page.getByTestId("confirm-dialog")).toBeVisible();
  await j.step("journey-m1-4b-confirm");
  await page.getByTestId("confirm-dialog").getByRole("button", { name: "创建服务" }).click();
  await expect(page.getByTestId("deployment")).toContainText("运行中", { timeout: 20_000 });
  await j.step("journey-m1-5-deployed");
  expect((await serviceInCloud("fraud-zh")).Status).toBe("Running");
  expect(j.problems).toEqual([]);
  expect(errors).toEqual([]);
  void cloud;
});

test("Method 2 in Chinese: a least-privilege role previewed and applied, outputs, deploy to Running", async ({ page, context, baseURL, cloud }) => {
  test.setTimeout(240_000);
  await context.addCookies([{ name: "NEXT_LOCALE", value: "zh-CN", url: baseURL! }]);
  const errors = watchConsole(page);
  const j = journey(page);
  await signIn(page, "alice");
  await page.goto("/setup");
  await page.getByLabel("地域").selectOption("cn-hangzhou");
  await page.getByRole("button", { name: "添加 Bucket" }).click();
  await page.getByLabel("Bucket", { exact: true }).fill("models");
  await page.getByLabel("前缀").fill("asr/");
  await page.getByLabel("容器镜像服务（ACR）中的镜像").fill("registry.cn-hangzhou.aliyuncs.com/ml-team/asr:1.4");
  await j.step("journey-m2-1-needs");
  await page.getByRole("button", { name: "下一步：方式", exact: true }).click();
  await expect(page.getByTestId("recommendation")).toBeVisible();
  await j.step("journey-m2-2-method");
  await page.getByRole("button", { name: "下一步：方式二：角色" }).click();
  await page.getByLabel("新建角色").check();
  await page.getByLabel("角色名称").fill("eas-asr-zh");
  await page.getByLabel("最小权限").check();
  await expect(page.getByTestId("custom-policy")).toBeVisible();
  await j.step("journey-m2-3-role");
  await page.getByRole("button", { name: "下一步：预览并应用" }).click();
  await expect(page.getByTestId("call-create-role")).toContainText("CreateRole");
  await j.step("journey-m2-4-preview");
  await page.getByRole("button", { name: "确认并应用" }).click();
  await expect(page.getByTestId("applied")).toBeVisible();
  await j.step("journey-m2-5-applied");
  await page.getByRole("button", { name: "下一步：方式二：输出" }).click();
  await page.getByLabel("服务名称").fill("asr-zh");
  expect(await snippetText(page, "python")).toMatch(CJK_COMMENT);
  await expect(page.getByTestId("preflight-verdict")).toHaveText("没有错误：此配置可以部署。");
  await j.step("journey-m2-6-outputs");
  await page.getByRole("button", { name: "下一步：部署" }).click();
  await page.getByRole("button", { name: "创建服务" }).click();
  // CreateService asks to confirm first, in Chinese too.
  await expect(page.getByTestId("confirm-dialog")).toBeVisible();
  await j.step("journey-m2-6b-confirm");
  await page.getByTestId("confirm-dialog").getByRole("button", { name: "创建服务" }).click();
  await expect(page.getByTestId("deployment")).toContainText("运行中", { timeout: 20_000 });
  await j.step("journey-m2-7-deployed");
  expect((await serviceInCloud("asr-zh")).Status).toBe("Running");
  expect(j.problems).toEqual([]);
  expect(errors).toEqual([]);
  void cloud;
});

test("a PassRole request and its review in Chinese: bob asks, alice reviews the blast radius and grants", async ({ browser, baseURL, cloud }) => {
  test.setTimeout(240_000);
  const role = "eas-restricted";
  const open = async (user: "alice" | "bob") => {
    const ctx = await browser.newContext({ baseURL });
    await ctx.addCookies([{ name: "NEXT_LOCALE", value: "zh-CN", url: baseURL! }]);
    const page = await ctx.newPage();
    await signIn(page, user);
    return page;
  };
  const bob = await open("bob");
  const errors = watchConsole(bob);
  const jb = journey(bob);
  await bob.goto("/requests");
  await bob.getByLabel("搜索角色").fill("restricted");
  await bob.getByRole("radio", { name: role }).check();
  await bob.getByLabel("申请原因").fill("从我的流水线部署 chat-summarizer v2");
  await bob.getByRole("radio", { name: "7 天" }).check();
  await jb.step("journey-pr-1-request");
  await bob.getByRole("button", { name: "提交申请" }).click();
  await expect(bob.getByRole("status").filter({ hasText: "已提交" })).toBeVisible();
  const row = bob.getByTestId("my-requests").locator(`tr[data-role="${role}"]`).first();
  await expect(row).toContainText("待审批");
  const id = (await row.getAttribute("data-request"))!;
  await jb.step("journey-pr-2-sent");

  const alice = await open("alice");
  const aliceErrors = watchConsole(alice);
  const ja = journey(alice);
  await alice.goto("/approvals");
  await expect(alice.getByTestId("approvals-table").locator(`tr[data-request="${id}"]`)).toContainText("待审批");
  await ja.step("journey-pr-3-approvals");
  await alice.goto(`/approvals/${id}`);
  await expect(alice.getByTestId("can-pass-now")).toHaveText("否");
  await ja.step("journey-pr-4-review");
  await alice.getByRole("button", { name: "批准并授权" }).click();
  // Approving asks once more, in Chinese too.
  const confirm = alice.getByTestId("confirm-dialog");
  await expect(confirm).toBeVisible();
  await ja.step("journey-pr-4b-confirm");
  await confirm.getByRole("button", { name: "批准并授权" }).click();
  await expect(alice.getByTestId("can-pass-now")).toHaveText("是");
  await ja.step("journey-pr-5-granted");
  await expect(row).toContainText("已授权");
  await jb.step("journey-pr-6-bob-granted");
  const view = (await (await alice.request.get(`/api/passrole-requests/${id}`)).json()) as PassRoleRequestView;
  expect(view).toMatchObject({ state: "granted", approver: "alice", requester: "bob", roleName: role });
  // Leave no grant behind for the specs after this one.
  await alice.request.post(`/api/passrole-requests/${id}/revoke`, { data: {} });
  expect([...jb.problems, ...ja.problems]).toEqual([]);
  expect([...errors, ...aliceErrors]).toEqual([]);
  void cloud;
});
