import { expect, test } from "@playwright/test";
import { loginAs, orgIdByCode } from "./fixtures/auth";

// Ids of Hebei's data, looked up as the national admin.
let zhengdingId = 0;
let hebeiUserId = 0;
test.beforeAll(async ({ browser }) => {
  const page = await browser.newPage();
  await loginAs(page, "admin");
  zhengdingId = await orgIdByCode(page, "130123");
  await page.goto("/users?q=zhengding.chair");
  const href = await page.locator("main li a").filter({ hasText: "zhengding.chair" }).getAttribute("href");
  hebeiUserId = Number(href?.split("/").pop());
  expect(hebeiUserId).toBeGreaterThan(0);
  await page.close();
});

test("a Hubei manager cannot open a Hebei org or user, nor find them", async ({ page }) => {
  await loginAs(page, "hubei");
  for (const path of [`/orgs/${zhengdingId}`, `/users/${hebeiUserId}`]) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "页面不存在" })).toBeVisible();
    await expect(page.locator("body")).not.toContainText("正定县总工会主席");
  }
  await page.goto("/orgs?q=正定");
  await expect(page.getByText("管辖范围内没有找到“正定”")).toBeVisible();
  await page.goto("/users?q=zhengding");
  await expect(page.getByText("没有符合条件的用户")).toBeVisible();
  await page.goto("/users?org=130123");
  await expect(page.getByText("没有符合条件的用户")).toBeVisible();
});

test("a county manager sees its own subtree but not its parent city", async ({ page }) => {
  await loginAs(page, "zhengding");
  await page.goto("/orgs");
  await expect(page.getByRole("heading", { name: "正定县总工会" })).toBeVisible();
  await expect(page.locator("main ul li")).toHaveCount(4);
  await page.goto("/orgs?q=石家庄");
  await expect(page.getByText("管辖范围内没有找到“石家庄”")).toBeVisible();
});

test("staff cannot reach user management", async ({ page }) => {
  await loginAs(page, "hengda.staff");
  await page.goto("/users");
  await expect(page.getByRole("heading", { name: "无权访问" })).toBeVisible();
  await page.goto(`/users/${hebeiUserId}`);
  await expect(page.getByRole("heading", { name: "无权访问" })).toBeVisible();
});
