import { expect, test, type Page } from "@playwright/test";
import { loginAs } from "./fixtures/auth";
import { dayFromToday } from "./fixtures/dates";
import { expectToast, openAction, openTask } from "./fixtures/tasks";

test.describe.configure({ mode: "serial", retries: 0 });

/** Assigns one measure to 正定县总工会 through the org picker. */
async function assignToZhengding(page: Page, code: string, due?: string) {
  await page.goto("/tasks/new");
  await page.getByPlaceholder("筛选任务目标").fill(code);
  await page.getByTestId("objective-picker").getByText(code, { exact: true }).click();
  await page.getByRole("radio", { name: "指定单位" }).check();
  await page.getByPlaceholder("搜索单位名称或代码").fill("130123");
  await page.getByTestId("org-results").getByText("正定县总工会").click();
  if (due) {
    await page.getByLabel("截止日期").fill(due);
    await page.getByRole("button", { name: "确认下达" }).click();
    await expect(page.getByText("截止日期早于今天；如为补录历史任务，请勾选确认")).toBeVisible();
    await page.getByText("确认补录").click();
  }
  await page.getByRole("button", { name: "确认下达" }).click();
  await expect(page.getByTestId("assign-result")).toContainText("已下达 1 项任务");
}

test("a county hands a task back; the province sees why and sends it again", async ({ page, browser }) => {
  await loginAs(page, "hebei");
  await assignToZhengding(page, "3.2.3.1");
  const chair = await browser.newPage();
  await loginAs(chair, "zhengding.chair");
  await openTask(chair, "3.2.3.1", "正定县总工会");
  const back = await openAction(chair, "handBack");
  await back.getByLabel("原因").fill("该项由市总工会统一组织");
  await back.getByRole("button", { name: "退回" }).click();
  await expect(chair.locator(".status-badge").first()).toHaveText("已退回");
  await chair.close();

  await page.goto("/review");
  const handed = page.locator("main").getByTestId("task-row").filter({ hasText: "3.2.3.1" });
  await handed.click();
  await expect(page.getByTestId("last-reason")).toContainText("该项由市总工会统一组织");
  const again = await openAction(page, "reassign");
  await again.getByRole("button", { name: "提交" }).click();
  await expect(page.locator(".status-badge").first()).toHaveText("待签收");
});

test("a backfilled overdue task shows as overdue, is nudged, and an approved extension moves its due date", async ({
  page,
  browser,
}) => {
  const [due, extendedTo] = [dayFromToday(-30), dayFromToday(120)];
  await loginAs(page, "hebei");
  await assignToZhengding(page, "3.2.3.2", due);
  const id = await openTask(page, "3.2.3.2", "正定县总工会");
  await expect(page.locator(".overdue-badge")).toBeVisible();
  const nudge = await openAction(page, "nudge");
  await nudge.getByLabel("催办内容（可选）").fill("请本周内签收并报送进展");
  await nudge.getByRole("button", { name: "催办" }).click();
  await expectToast(page);
  await expect(page.getByTestId("timeline")).toContainText("请本周内签收并报送进展");

  const chair = await browser.newPage();
  await loginAs(chair, "zhengding.chair");
  await chair.goto("/notifications");
  await expect(chair.getByTestId("notification-list")).toContainText("河北省总工会对“");
  await expect(chair.getByTestId("notification-list")).toContainText("请本周内签收并报送进展");
  await chair.goto("/tasks?overdue=1");
  await expect(chair.getByTestId("task-row").filter({ hasText: "3.2.3.2" })).toBeVisible();
  await chair.goto(`/tasks/${id}`);
  const ext = await openAction(chair, "requestExtension");
  await ext.getByLabel("申请延期至").fill(extendedTo);
  await ext.getByLabel("原因").fill("需等待省里统一部署");
  await ext.getByRole("button", { name: "提交" }).click();
  await expectToast(chair);
  await expect(chair.locator(".overdue-badge")).toBeVisible(); // unchanged until approved
  await chair.close();

  await page.goto("/review");
  await expect(page.getByTestId("review-extensions")).toContainText("需等待省里统一部署");
  await page.getByTestId("review-extensions").locator("a").filter({ hasText: "需等待省里统一部署" }).click();
  await expect(page).toHaveURL(new RegExp(`/tasks/${id}$`));
  const decide = await openAction(page, "decideExtension");
  await decide.getByRole("button", { name: "同意延期" }).click();
  await expectToast(page);
  await expect(page.locator(".overdue-badge")).toHaveCount(0);
  await expect(page.getByTestId("timeline")).toContainText(`${due} → ${extendedTo}`);
});

test("a branch chair claims a measure nobody assigned (自选动作)", async ({ page }) => {
  await loginAs(page, "hengda.chair");
  await page.goto("/tasks/claim?q=3.4.1.1");
  await page.getByTestId("claimable").locator("li").first().getByRole("button", { name: "认领" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("计划完成日期").fill(dayFromToday(180));
  await dialog.getByRole("button", { name: "认领" }).click();
  await expect(page).toHaveURL(/\/tasks\/\d+$/);
  await expect(page.getByText("自选动作").first()).toBeVisible();
  await expect(page.locator(".status-badge").first()).toHaveText("办理中");
  await page.goto("/tasks?kind=CLAIMED");
  await expect(page.getByTestId("task-row")).toHaveCount(1);
});
