import type { PassRoleRequestView } from "../lib/approvals/types";
import { signIn, signInRequest } from "./fixtures/auth";
import { expect, test } from "./fixtures/cloud";

// Who can act as a role, drawn on the role page; who can reach a resource; and, in the PassRole
// review, the paths an approval would create. Screenshots at 1440 and 1280 wide.

const WIDTHS = [1440, 1280] as const;

test.describe("access paths", () => {
  test("the role page draws who can act as eas-nas-image: alice and carol (through her group) pass it to EAS", async ({ page }) => {
    await signIn(page, "alice");
    await page.goto("/roles/eas-nas-image");
    const panel = page.locator("#access-panel");
    await expect(panel.getByRole("heading", { name: "Who can act as this role" })).toBeVisible();
    const rows = panel.getByTestId("access-paths").locator("tbody tr");
    await expect
      .poll(() => rows.evaluateAll((trs) => trs.map((tr) => `${tr.getAttribute("data-principal")} ${tr.getAttribute("data-kind")}`)))
      .toEqual(expect.arrayContaining(["user:alice pass-to-eas", "user:carol pass-to-eas"]));
    const carol = panel.locator('tr[data-principal="user:carol"]');
    await expect(carol).toContainText("PassRole-eas-nas-image#0");
    await expect(carol).toContainText("(ml-platform)");
    // The drawing: principals on the left, EAS between, the role on the right.
    const graph = panel.getByTestId("access-graph");
    await expect(graph.locator('.react-flow__node[data-id="user:carol"]')).toBeVisible();
    // carol → EAS, alice → EAS, EAS → the role: a service node takes edges in as well as out.
    await expect(graph.locator(".react-flow__edge")).toHaveCount(3);
    const [carolBox, easBox, roleBox] = await Promise.all(
      ['user:carol', "service:eas.pai.aliyuncs.com", "role:eas-nas-image"].map((id) => graph.locator(`.react-flow__node[data-id="${id}"]`).boundingBox()),
    );
    expect(carolBox!.x).toBeLessThan(easBox!.x);
    expect(easBox!.x).toBeLessThan(roleBox!.x);
    await page.getByRole("navigation", { name: "On this page" }).getByRole("link", { name: "Who can act as it" }).click();
    await expect(page).toHaveURL(/#access$/);
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      await panel.scrollIntoViewIfNeeded();
      await panel.screenshot({ path: `e2e/screens/access-paths-${width}.png` });
    }
  });

  test("who can reach: the query lives in the URL and the answer names direct grants and roles", async ({ page }) => {
    await signIn(page, "alice");
    await page.goto("/access");
    await expect(page.getByText("Enter an action and a resource to see who can reach it.")).toBeVisible();
    await page.getByLabel("Action", { exact: true }).fill("oss:PutObject");
    await page.getByLabel("Resource", { exact: true }).fill("acs:oss:*:*:models/m.bin");
    await page.getByRole("button", { name: "Find who can reach it" }).click();
    await expect(page).toHaveURL(/\/access\?action=oss%3APutObject&resource=acs%3Aoss%3A\*%3A\*%3Amodels%2Fm\.bin$/);
    const results = page.getByTestId("reach-results");
    await expect(results.locator('tr[data-principal="role:data-pipeline"][data-via="direct"]')).toBeVisible();
    await expect(results.locator('tr[data-principal="user:alice"][data-via="role"]').filter({ hasText: "As role data-pipeline (Assumes it)" })).toHaveCount(1);
    await page.goto("/access?action=GetObject&resource=x");
    // Next's route announcer is an alert too: the form's is the one that names the fields.
    await expect(page.getByRole("alert").filter({ hasText: "Check the fields" })).toContainText("action");
  });

  test("the PassRole review shows the path approving would give bob", async ({ page, playwright, baseURL }) => {
    const bob = await playwright.request.newContext({ baseURL });
    await signInRequest(bob, "bob");
    const res = await bob.post("/api/passrole-requests", { data: { roleName: "eas-llm-serving", reason: "Serve the new LLM", duration: "7d" } });
    expect(res.status()).toBe(201);
    const { id } = (await res.json()) as Pick<PassRoleRequestView, "id">;
    try {
      await signIn(page, "alice");
      await page.goto(`/approvals/${id}`);
      const block = page.locator("#new-paths");
      await expect(block.getByRole("heading", { name: "What approving adds" })).toBeVisible();
      await expect(block).toContainText("Approving gives bob 1 new path:");
      const row = block.getByTestId("new-paths").locator('tr[data-principal="user:bob"]');
      await expect(row).toHaveAttribute("data-kind", "pass-to-eas");
      await expect(row).toContainText("eas-llm-serving");
      await expect(block.getByTestId("access-graph").locator('.react-flow__node[data-id="user:bob"]')).toBeVisible();
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 900 });
        await block.scrollIntoViewIfNeeded();
        await block.screenshot({ path: `e2e/screens/access-review-new-paths-${width}.png` });
      }
    } finally {
      await bob.post(`/api/passrole-requests/${id}/cancel`);
    }
  });
});
