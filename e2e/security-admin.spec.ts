import { expect, test } from "@playwright/test";
import { loginAs } from "./fixtures/auth";

// 三员分立 in the browser: the 安全管理员 changes role permissions (and cannot combine the
// administrators' powers), the 安全审计员 reads and exports the trail, neither does the other's work.

test("the 安全管理员 edits the role → permission table; the change is audited", async ({ page }) => {
  await loginAs(page, "secadmin");
  await page.goto("/");
  const nav = page.getByRole("navigation", { name: "主导航" });
  await expect(nav.getByRole("link", { name: "安全管理" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "审计日志" })).toHaveCount(0);
  await expect(nav.getByRole("link", { name: "任务督办" })).toHaveCount(0);
  await nav.getByRole("link", { name: "安全管理" }).click();
  for (const name of ["角色权限", "安全策略", "账号锁定"])
    await expect(page.getByRole("link", { name })).toBeVisible();
  await page.getByRole("link", { name: "角色权限" }).click();
  await expect(page.getByRole("heading", { name: "角色权限" })).toBeVisible();

  // One's own role cannot be changed; combining two administrator groups cannot be saved.
  await expect(page.getByTestId("perm-SECURITY_ADMIN-security:manage")).toBeDisabled();
  await page.getByTestId("perm-AUDITOR-security:manage").check();
  await expect(page.getByText("安全审计员不能同时拥有两类管理员权限。")).toBeVisible();
  await expect(page.getByRole("button", { name: "保存权限" })).toBeDisabled();
  await page.getByTestId("perm-AUDITOR-security:manage").uncheck();

  // A harmless change, saved and then taken back.
  await page.getByTestId("perm-AUDITOR-org:read").check();
  await page.getByRole("button", { name: "保存权限" }).click();
  await expect(page.getByText("角色权限已保存")).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("perm-AUDITOR-org:read")).toBeChecked();
  await page.getByTestId("perm-AUDITOR-org:read").uncheck();
  await page.getByRole("button", { name: "保存权限" }).click();
  await expect(page.getByText("角色权限已保存").first()).toBeVisible();

  expect((await page.goto("/audit"))?.url()).toMatch(/\/forbidden$/);
});

test("the 安全审计员 filters and exports the trail and can do nothing else", async ({ page }) => {
  await loginAs(page, "auditor");
  for (const path of ["/security", "/security/permissions", "/users", "/tasks"]) {
    await page.goto(path);
    await expect(page, path).toHaveURL(/\/forbidden$/);
  }
  await page.goto("/audit");
  await expect(page.getByRole("heading", { name: "审计日志" })).toBeVisible();
  await page.getByLabel("操作", { exact: true }).selectOption({ label: "修改角色权限" });
  await page.getByLabel("操作人用户名").fill("secadmin");
  await page.getByRole("button", { name: "筛选" }).click();
  await expect(page).toHaveURL(/action=permission\.change/);
  const rows = page.getByTestId("audit-rows").locator("li");
  await expect(rows.first()).toContainText("修改角色权限");
  await expect(rows.first()).toContainText("secadmin");
  expect(await rows.count()).toBeGreaterThanOrEqual(2);

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "导出 CSV" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^审计日志-\d{4}-\d{2}-\d{2}\.csv$/);

  await page.goto("/audit?action=audit.export");
  await expect(page.getByTestId("audit-rows").locator("li").first()).toContainText("auditor");
});
