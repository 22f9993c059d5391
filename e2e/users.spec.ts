import { expect, test } from "@playwright/test";
import { loginAs, tryLogin } from "./fixtures/auth";

test("a provincial manager creates a user in a county of its province", async ({ page }) => {
  await loginAs(page, "hebei");
  await page.goto("/users");
  await page.getByRole("link", { name: "新建用户" }).click();
  await expect(page.getByRole("heading", { name: "新建用户" })).toBeVisible();

  // Client-side validation with the shared schema: nothing is sent.
  await page.getByLabel("用户名").fill("AB");
  await page.getByLabel("初始密码").fill("short");
  await page.getByRole("button", { name: "新建用户" }).click();
  await expect(page.getByText("用户名须为 3–32 位小写字母、数字、点、下划线或连字符")).toBeVisible();
  await expect(page.getByText("请输入 1–40 字的姓名")).toBeVisible();
  await expect(
    page.getByText("密码至少 8 位，须包含大写字母、小写字母、数字、其他字符中的至少 3 类"),
  ).toBeVisible();

  // The password may not be the username (checked with the other fields, all shown at once).
  await page.getByLabel("用户名").fill("zd.e2e2026");
  await page.getByLabel("初始密码").fill("ZD.E2E2026");
  await page.getByRole("button", { name: "新建用户" }).click();
  await expect(page.getByText("密码不能包含用户名")).toBeVisible();
  await expect(page.getByText("请输入 1–40 字的姓名")).toBeVisible();

  // The org is chosen by name among the orgs of the manager's subtree: Hubei's are not offered.
  await expect(page.getByTestId("org-chosen")).toContainText("河北省总工会");
  const orgSearch = page.getByLabel("所属组织");
  await orgSearch.fill("武昌");
  await expect(page.getByTestId("org-options")).toContainText("没有符合条件的组织");
  await orgSearch.fill("正定县总工会");
  await page.getByRole("radio", { name: /^正定县总工会/ }).check();
  await expect(page.getByTestId("org-chosen")).toContainText("正定县总工会");

  await page.getByLabel("用户名").fill("zd.e2e");
  await page.getByLabel("姓名").fill("端到端测试员");
  await page.getByLabel("角色").selectOption({ label: "基层工会主席" });
  await page.getByLabel("初始密码").fill("Passw0rd!");
  await page.getByRole("button", { name: "新建用户" }).click();
  await expect(page).toHaveURL(/\/users$/);
  const row = page.locator("main li").filter({ hasText: "zd.e2e" });
  await expect(row).toContainText("端到端测试员");
  await expect(row).toContainText("基层工会主席");
  await expect(row).toContainText("正定县总工会");

  // The same username again is refused.
  await page.goto("/users/new");
  await page.getByLabel("用户名").fill("zd.e2e");
  await page.getByLabel("姓名").fill("重复");
  await page.getByLabel("初始密码").fill("Passw0rd!");
  await page.getByRole("button", { name: "新建用户" }).click();
  await expect(page.getByText("该用户名不可用，请换一个")).toBeVisible();
});

test("a new user must change the initial password at first sign-in before anything else", async ({
  page,
  browser,
}) => {
  await loginAs(page, "zd.e2e", "Passw0rd!");
  // Every page leads to the change-password page; the shell offers nothing else.
  for (const path of ["/", "/tasks", "/my-tasks", "/users"]) {
    await page.goto(path);
    await expect(page, path).toHaveURL(/\/account\/password$/);
  }
  await expect(page.getByTestId("must-change-password")).toBeVisible();
  await expect(page.getByRole("navigation", { name: "主导航" })).toHaveCount(0);
  // Route handlers refuse too.
  expect((await page.request.get("/api/attachments/999999999")).status()).toBe(401);

  // Every error at once, then the current password is checked on the server.
  await page.getByRole("button", { name: "修改密码" }).click();
  await expect(page.getByText("请输入当前密码")).toBeVisible();
  await expect(
    page.getByText("密码至少 8 位，须包含大写字母、小写字母、数字、其他字符中的至少 3 类"),
  ).toBeVisible();
  await page.getByLabel("当前密码").fill("Wrong1234");
  await page.getByLabel("新密码", { exact: true }).fill("Mine2026ok");
  await page.getByLabel("确认新密码").fill("Mine2026ok");
  await page.getByRole("button", { name: "修改密码" }).click();
  await expect(page.getByText("当前密码不正确")).toBeVisible();
  await expect(page).toHaveURL(/\/account\/password$/);

  await page.getByLabel("当前密码").fill("Passw0rd!");
  await page.getByRole("button", { name: "修改密码" }).click();
  await expect(page.getByRole("heading", { name: "您好，端到端测试员" })).toBeVisible();
  await page.goto("/tasks");
  await expect(page).toHaveURL(/\/tasks$/);
  expect((await page.request.get("/api/attachments/999999999")).status()).toBe(404);

  // The old password no longer works; the new one does.
  const again = await browser.newPage();
  expect(await tryLogin(again, "zd.e2e", "Passw0rd!")).toBe(false);
  await loginAs(again, "zd.e2e", "Mine2026ok");
  await again.goto("/");
  await expect(again.getByRole("heading", { name: "您好，端到端测试员" })).toBeVisible();
  await again.close();
});

test("a manager resets a password and deactivates an account after confirming", async ({ page, browser }) => {
  const username = `tmp${Date.now() % 1_000_000}`;
  await loginAs(page, "zhengding");
  await page.goto("/users/new");
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("姓名").fill("临时干部");
  await page.getByLabel("所属组织").fill("1301230001");
  await page.getByRole("radio", { name: /1301230001/ }).check();
  await page.getByLabel("初始密码").fill("First1234");
  await page.getByRole("button", { name: "新建用户" }).click();
  await expect(page).toHaveURL(/\/users$/);
  await page.locator("main li a").filter({ hasText: username }).click();

  await page.getByLabel("新密码", { exact: true }).fill("Reset1234");
  await page.getByLabel("确认新密码").fill("Reset12345");
  await page.getByRole("button", { name: "重置密码" }).click();
  await expect(page.getByText("两次输入的密码不一致")).toBeVisible();
  await page.getByLabel("确认新密码").fill("Reset1234");
  await page.getByRole("button", { name: "重置密码" }).click();
  await expect(page.getByText("密码已重置")).toBeVisible();

  const staff = await browser.newPage();
  await loginAs(staff, username, "Reset1234");
  await staff.close();

  await page.getByRole("button", { name: "停用账号" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText("停用后该用户将无法登录");
  await dialog.getByRole("button", { name: "取消" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator("main").getByText("已停用", { exact: true })).toHaveCount(0);
  await page.getByRole("button", { name: "停用账号" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "确认" }).click();
  await expect(page.getByText("账号已停用")).toBeVisible();
  await expect(page.locator("main").getByText("已停用", { exact: true })).toBeVisible();

  const retry = await browser.newPage();
  expect(await tryLogin(retry, username, "Reset1234")).toBe(false);
  await retry.close();
});
