import { expect, test, type Page } from "@playwright/test";
import { DEMO_PASSWORD, loginAs, tryLogin } from "./fixtures/auth";

/** A wrong password posted with a forged X-Forwarded-For (a new "source" each time, if it were trusted). */
async function failWithForgedSource(page: Page, username: string, forged: string) {
  const csrf = await page.request.get("/api/auth/csrf");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  await page.request.post("/api/auth/callback/credentials", {
    form: { csrfToken, username, password: "Wrong-pass-1", json: "true" },
    headers: { "x-forwarded-for": forged },
    maxRedirects: 0,
  });
}

test("the 安全管理员 changes a setting within its bounds, in Chinese", async ({ page }) => {
  await loginAs(page, "secadmin");
  await page.goto("/security/settings");
  await expect(page.getByRole("heading", { name: "安全设置" })).toBeVisible();
  const minutes = page.getByLabel("锁定时长（分钟）");
  await expect(minutes).toHaveValue("30");
  await minutes.fill("2");
  await page.getByRole("button", { name: "保存设置" }).click();
  await expect(page.getByText("超出允许范围")).toBeVisible();
  await minutes.fill("45");
  await page.getByRole("button", { name: "保存设置" }).click();
  await expect(page.getByText("已保存 1 项修改")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("锁定时长（分钟）")).toHaveValue("45");
  await page.getByLabel("锁定时长（分钟）").fill("30");
  await page.getByRole("button", { name: "保存设置" }).click();
  await expect(page.getByText("已保存 1 项修改")).toBeVisible();
});

test("other roles cannot open the security pages", async ({ page }) => {
  await loginAs(page, "admin");
  for (const path of ["/security/settings", "/security/locks"]) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/forbidden/);
  }
});

test("a forged X-Forwarded-For does not dodge the lock; the 安全管理员 unlocks it", async ({
  page,
  browser,
}) => {
  // Five wrong passwords, each claiming another source: the server counts the real peer.
  for (let i = 1; i <= 5; i++) await failWithForgedSource(page, "wuchang.chair", `198.51.100.${i}`);
  const owner = await browser.newContext();
  const ownerPage = await owner.newPage();
  expect(await tryLogin(ownerPage, "wuchang.chair", DEMO_PASSWORD)).toBe(false);

  const admin = await browser.newContext();
  const adminPage = await admin.newPage();
  await loginAs(adminPage, "secadmin");
  await adminPage.goto("/security/locks");
  const row = adminPage.getByRole("row").filter({ hasText: "wuchang.chair" });
  await expect(row).toContainText("账号（单一来源）");
  await expect(row).toContainText("127.0.0.1");
  await adminPage.screenshot({ path: "test-results/security-locks.png", fullPage: true });
  await row.getByRole("button", { name: "解锁" }).click();
  await adminPage.getByRole("dialog").getByRole("button", { name: "解锁" }).click();
  await expect(adminPage.getByText("已解锁")).toBeVisible();
  await expect(adminPage.getByRole("row").filter({ hasText: "wuchang.chair" })).toHaveCount(0);

  expect(await tryLogin(ownerPage, "wuchang.chair", DEMO_PASSWORD)).toBe(true);
  await owner.close();
  await admin.close();
});
