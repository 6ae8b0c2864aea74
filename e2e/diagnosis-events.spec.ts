import { expect, test } from "./fixtures/cloud";
import { signIn } from "./fixtures/auth";

// The events tab: newest first with every page full but the last, Normal/Warning filter,
// relative and absolute times, EAS's JSON messages unpacked.

const HZ = "cn-hangzhou";

test("events page newest first, page 1 full, filter by type, times and messages readable", async ({ page, cloud }) => {
  await signIn(page, "alice");
  // Two more deployments give fraud-detector more events than one page holds.
  for (let i = 0; i < 2; i++) {
    expect((await page.request.post(`/api/services/${HZ}/fraud-detector/redeploy`, { data: { confirm: true } })).status()).toBe(200);
    await cloud.settle();
  }
  const api = await (await page.request.get(`/api/services/${HZ}/fraud-detector?eventsPageSize=20`)).json();
  expect(api.events.total).toBeGreaterThan(20);
  await page.goto(`/services/${HZ}/fraud-detector`);
  const rows = page.getByRole("table", { name: "Deployment events" }).locator("tbody tr");
  await expect(rows).toHaveCount(20);
  const times = await rows.locator("time").evaluateAll((els) => els.map((e) => e.getAttribute("datetime") ?? ""));
  expect(times).toEqual([...times].sort().reverse());
  await expect(rows.first().locator("time")).toContainText(/ago|now/);
  await expect(rows.first().locator("time")).toContainText(/\d{1,2}:\d\d:\d\d/);
  // The newest deployment's end is on top.
  await expect(rows.first()).toContainText("ScaleComplete");
  await expect(rows.first()).toContainText("Stage scale complete");
  await expect(rows.first().locator("[data-event-fields]")).toContainText("availableInstance 3");
  await page.getByRole("link", { name: "Next page" }).click();
  await expect(page).toHaveURL(/events=2/);
  await expect(rows).toHaveCount(api.events.total - 20);

  await page.goto(`/services/${HZ}/ocr-pipeline`);
  await page.getByRole("navigation", { name: "Event type" }).getByRole("link", { name: "Warning" }).click();
  await expect(page).toHaveURL(/eventType=Warning/);
  await expect(rows.first()).toBeVisible();
  expect(await rows.evaluateAll((els) => els.map((e) => e.getAttribute("data-event-type")))).toEqual(expect.arrayContaining(["Warning"]));
  expect(new Set(await rows.evaluateAll((els) => els.map((e) => e.getAttribute("data-event-type"))))).toEqual(new Set(["Warning"]));
  await page.getByRole("navigation", { name: "Event type" }).getByRole("link", { name: "Normal" }).click();
  await expect(page).toHaveURL(/eventType=Normal/);
  expect(new Set(await rows.evaluateAll((els) => els.map((e) => e.getAttribute("data-event-type"))))).toEqual(new Set(["Normal"]));
  await expect(rows.first().locator("[data-event-fields]")).toContainText("versionId");
});
