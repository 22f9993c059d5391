import { expect, test } from "@playwright/test";
import { loginAs } from "./fixtures/auth";

test.beforeEach(async ({ page }) => loginAs(page, "hengda.staff"));

test("browse the six main tasks, expand a work item and open a measure's source text", async ({ page }) => {
  await page.goto("/objectives");
  const tree = page.locator("#objective-tree");
  await expect(tree.locator(":scope > ul > li")).toHaveCount(6);
  await expect(
    tree.getByText("牢牢把握我国工人运动时代主题，团结动员广大职工以主人翁姿态建功新时代"),
  ).toBeVisible();
  const item = tree.locator("summary").filter({ hasText: "围绕高质量发展深化劳动和技能竞赛" });
  const measure = tree.getByRole("link", { name: /3\.2\.\d+\.\d+/ }).first();
  await expect(measure).toBeHidden();
  await item.click();
  const firstMeasure = item.locator("xpath=..").getByRole("link").nth(1);
  await expect(firstMeasure).toBeVisible();
  await page.getByRole("button", { name: "全部收起" }).click();
  await expect(item.locator("xpath=..")).not.toHaveAttribute("open", "");
  await page.getByRole("button", { name: "全部展开" }).click();
  await expect(firstMeasure).toBeVisible();
  const text = (await firstMeasure.innerText()).trim();
  await firstMeasure.click();
  await expect(page).toHaveURL(/\/objectives\/3\.2\.\d+\.\d+$/);
  await expect(page.getByText("具体举措")).toBeVisible();
  await expect(page.getByRole("blockquote")).toContainText("。");
  await expect(page.getByRole("navigation", { name: "位置导航" })).toContainText(
    "围绕高质量发展深化劳动和技能竞赛",
  );
  expect(text.length).toBeGreaterThan(0);
});

test("search finds objectives by their text and says so when nothing matches", async ({ page }) => {
  await page.goto("/objectives");
  await page.getByRole("searchbox", { name: "搜索任务目标" }).fill("职工书屋");
  await page.getByRole("button", { name: "搜索" }).click();
  await expect(page).toHaveURL(/q=/);
  await expect(page.getByRole("status")).toContainText("“职工书屋” 共找到");
  const hits = page.locator("main ul li a");
  expect(await hits.count()).toBeGreaterThan(0);
  await hits.first().click();
  await expect(page.getByRole("blockquote")).toContainText("职工书屋");
  await page.goto("/objectives?q=量子纠缠");
  await expect(page.getByText("没有找到与“量子纠缠”相关的任务目标")).toBeVisible();
});

test("an unknown objective code is a 404 page", async ({ page }) => {
  await page.goto("/objectives/9.9.9");
  await expect(page.getByRole("heading", { name: "页面不存在" })).toBeVisible();
});
