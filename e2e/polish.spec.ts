import { expect, test, type Page } from "@playwright/test";
import { loginAs } from "./fixtures/auth";

const APP = "工会任务督办";

/** Responses that failed with 404 while `run` ran (a missing favicon shows up here on every page). */
async function notFoundDuring(page: Page, run: () => Promise<void>): Promise<string[]> {
  const missing: string[] = [];
  const listener = (r: { status(): number; url(): string }) => {
    if (r.status() === 404) missing.push(r.url());
  };
  page.on("response", listener);
  await run();
  page.off("response", listener);
  return missing;
}

test("every page has its own translated title, and no request is missing (favicon)", async ({ page }) => {
  const expected: [string, string][] = [
    ["/login", "登录"],
    ["/", "首页"],
    ["/my-tasks", "我的任务"],
    ["/tasks", "任务督办"],
    ["/tasks/new", "下达任务"],
    ["/review", "审核"],
    ["/completion", "完成情况"],
    ["/completion/report", "通报"],
    ["/objectives", "十七大主要任务"],
    ["/orgs", "组织机构"],
    ["/users", "用户管理"],
    ["/notifications", "通知中心"],
  ];
  const missing = await notFoundDuring(page, async () => {
    await page.goto("/login");
    await expect(page).toHaveTitle(`登录 · ${APP}`);
    await loginAs(page, "hebei");
    for (const [path, title] of expected.slice(1)) {
      await page.goto(path);
      await expect(page, path).toHaveTitle(`${title} · ${APP}`);
    }
    // An org page is titled with the org.
    await page.goto("/orgs");
    await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "组织机构" }).click();
    await page.locator("main ul a").filter({ hasText: "石家庄市总工会" }).first().click();
    await expect(page).toHaveURL(/\/orgs\/\d+/);
    await expect(page).toHaveTitle(`石家庄市总工会 · ${APP}`);
  });
  expect(missing).toEqual([]);
  const icon = await page.locator('link[rel="icon"]').first().getAttribute("href");
  expect(icon).toBeTruthy();
  const res = await page.request.get(icon!);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toContain("image/svg+xml");
});

test("English pages use English titles, ASCII separators and plurals", async ({ page }) => {
  await page.context().addCookies([{ name: "locale", value: "en", url: test.info().project.use.baseURL! }]);
  await loginAs(page, "hebei");
  await page.goto("/completion");
  await expect(page).toHaveTitle("Completion · Union Task Tracker");
  await page.goto("/tasks");
  await expect(page.getByLabel("Status").locator("option").first()).toHaveText("Status: All");
  await page.goto("/objectives");
  await expect(page.locator("main")).toContainText("· 82 measures");
  await expect(page.locator("main")).toContainText(/· 1 measure(?!s)/);
});

test.describe("at 360 px", () => {
  test.use({ viewport: { width: 360, height: 780 } });

  test("the navigation shows that it scrolls", async ({ page }) => {
    await loginAs(page, "hebei");
    await page.goto("/");
    const nav = page.getByRole("navigation", { name: "主导航" });
    await expect(page.getByTestId("nav-more-after")).toBeVisible();
    await expect(page.getByTestId("nav-more-before")).toHaveCount(0);
    await nav.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
    await expect(page.getByTestId("nav-more-after")).toHaveCount(0);
    await expect(page.getByTestId("nav-more-before")).toBeVisible();
    // The current page's tab is scrolled into view.
    await page.goto("/users");
    const current = nav.locator('[aria-current="page"]');
    await expect(current).toHaveText("用户管理");
    await expect(current).toBeInViewport({ ratio: 1 });
  });

  test("a success toast does not cover the header or its navigation", async ({ page }) => {
    await loginAs(page, "hebei");
    await page.goto("/users/new");
    await page.getByLabel("用户名").fill(`toast.${Date.now() % 1_000_000}`);
    await page.getByLabel("姓名").fill("提示位置测试");
    await page.getByLabel("所属组织").fill("正定县总工会");
    await page.getByRole("radio", { name: /^正定县总工会/ }).check();
    await page.getByLabel("初始密码").fill("Passw0rd!");
    await page.getByRole("button", { name: "新建用户" }).click();
    const toast = page.locator("[data-sonner-toast]").filter({ hasText: "用户已创建" });
    await expect(toast).toBeVisible();
    const header = (await page.locator("header").first().boundingBox())!;
    // The toast slides in: measure once it has come to rest (a box taken mid-animation was 3 px off).
    await expect
      .poll(async () => {
        const box = (await toast.boundingBox())!;
        return box.y >= header.y + header.height && box.y + box.height <= 780;
      })
      .toBe(true);
  });
});
