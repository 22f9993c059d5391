import { expect, test } from "@playwright/test";
import { loginAs } from "./fixtures/auth";

// At 360 px nothing may overflow sideways and the main navigation must stay reachable.
const pages = [
  "/",
  "/objectives",
  "/orgs",
  "/users",
  "/users/new",
  "/tasks",
  "/tasks/new",
  "/review",
  "/my-tasks",
  "/notifications",
  "/completion",
  "/completion?view=heatmap",
  "/completion?view=trend",
  "/completion/report",
  "/reporting",
  "/account/password",
];

test("main pages fit a 360 px phone without horizontal scrolling", async ({ page }) => {
  await loginAs(page, "hebei");
  for (const path of pages) {
    await page.goto(path);
    await expect(page.locator("main")).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
  // A task page, when the suite has created one (the phone project may run on its own).
  await page.goto("/tasks");
  const row = page.getByTestId("task-row").first();
  if (await row.count()) {
    await row.click();
    await expect(page).toHaveURL(/\/tasks\/\d+$/);
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
      "task detail",
    ).toBeLessThanOrEqual(0);
  }
  await page.goto("/");
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "组织机构" }).click();
  await expect(page.getByRole("heading", { name: "河北省总工会" })).toBeVisible();
});

test("login works at phone width", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("用户名").fill("hengda.staff");
  await page.getByLabel("密码").fill("Demo@2026");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByRole("heading", { name: "您好，恒达机械工会干部" })).toBeVisible();
});
