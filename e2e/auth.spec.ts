import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, loginAs } from "./fixtures/auth";

const ACCOUNTS = [
  { username: "admin", name: "系统管理员", role: "系统管理员", org: "中华全国总工会" },
  { username: "hebei", name: "河北省总工会督办员", role: "上级工会督办员", org: "河北省总工会" },
  { username: "shijiazhuang", name: "石家庄市总工会督办员", role: "上级工会督办员", org: "石家庄市总工会" },
  { username: "zhengding.chair", name: "正定县总工会主席", role: "基层工会主席", org: "正定县总工会" },
  { username: "hengda.staff", name: "恒达机械工会干部", role: "工会干部", org: "正定县恒达机械有限公司工会" },
];

test("signing in through the form lands on the role's home page; signing out returns to login", async ({
  page,
}) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);
  await page.getByLabel("用户名").fill("hebei");
  await page.getByLabel("密码").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByRole("heading", { name: "您好，河北省总工会督办员" })).toBeVisible();
  await expect(page.getByText("您负责向下级组织下达任务")).toBeVisible();
  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/users");
  await expect(page).toHaveURL(/\/login/);
});

test("a wrong password or unknown user gets one message that does not say which part was wrong", async ({
  page,
}) => {
  await page.goto("/login");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByText("此项必填")).toHaveCount(2);
  for (const [u, p] of [
    ["hebei", "wrong-pass1"],
    ["no.such.user", DEMO_PASSWORD],
  ] as const) {
    await page.getByLabel("用户名").fill(u);
    await page.getByLabel("密码").fill(p);
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "用户名或密码不正确。" })).toBeVisible();
    await expect(page).toHaveURL(/\/login/);
  }
});

for (const a of ACCOUNTS) {
  test(`${a.username} (${a.role}) sees their own home page`, async ({ page }) => {
    await loginAs(page, a.username);
    await page.goto("/");
    await expect(page.getByRole("heading", { name: `您好，${a.name}` })).toBeVisible();
    await expect(page.locator("section").getByText(`${a.org} · ${a.role}`)).toBeVisible();
    const nav = page.getByRole("navigation", { name: "主导航" });
    // 三员分立: the 系统管理员 has accounts and orgs, no business pages.
    const business = a.role === "系统管理员" ? 0 : 1;
    await expect(nav.getByRole("link", { name: "任务目标" })).toHaveCount(business);
    await expect(nav.getByRole("link", { name: "任务督办" })).toHaveCount(business);
    await expect(nav.getByRole("link", { name: "组织机构" })).toHaveCount(1);
    await expect(nav.getByRole("link", { name: "用户管理" })).toHaveCount(a.role === "工会干部" ? 0 : 1);
  });
}

test("the UI switches to English and back", async ({ page }) => {
  await loginAs(page, "hebei");
  await page.goto("/");
  await page.getByRole("button", { name: "English" }).first().click();
  await expect(page.getByRole("heading", { name: "Hello, 河北省总工会督办员" })).toBeVisible();
  await page.getByRole("button", { name: "中文" }).first().click();
  await expect(page.getByRole("heading", { name: "您好，河北省总工会督办员" })).toBeVisible();
});
