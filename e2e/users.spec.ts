import { expect, test } from "@playwright/test";
import { loginAs, tryLogin } from "./fixtures/auth";

test("a provincial manager creates a user in a county of its province, who can then sign in", async ({
  page,
  browser,
}) => {
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
  await expect(page.getByText("密码至少 8 位，须同时包含字母和数字")).toBeVisible();

  // Server-side scope check: a Hubei org code is refused on a field.
  await page.getByLabel("用户名").fill("zd.e2e");
  await page.getByLabel("姓名").fill("端到端测试员");
  await page.getByLabel("角色").selectOption({ label: "基层工会主席" });
  await page.getByLabel("所属组织代码").fill("420106");
  await page.getByLabel("初始密码").fill("Passw0rd!");
  await page.getByRole("button", { name: "新建用户" }).click();
  await expect(page.getByText("组织代码不存在或不在您的管辖范围内")).toBeVisible();

  await page.getByLabel("所属组织代码").fill("130123");
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
  await expect(page.getByText("该用户名已被使用")).toBeVisible();

  const other = await browser.newPage();
  await loginAs(other, "zd.e2e", "Passw0rd!");
  await other.goto("/");
  await expect(other.getByRole("heading", { name: "您好，端到端测试员" })).toBeVisible();
  await other.close();
});

test("a manager resets a password and deactivates an account after confirming", async ({ page, browser }) => {
  const username = `tmp${Date.now() % 1_000_000}`;
  await loginAs(page, "zhengding");
  await page.goto("/users/new");
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("姓名").fill("临时干部");
  await page.getByLabel("所属组织代码").fill("1301230001");
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
