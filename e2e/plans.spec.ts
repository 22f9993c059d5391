import { expect, test, type Page } from "@playwright/test";
import { demoPlanPrefix } from "../prisma/seed/demo-plan";
import { loginAs } from "./fixtures/auth";

// Several plans side by side (issue 13, section 3): the e2e server seeds 河北's 工作要点 of next year
// (SEED_DEMO_PLAN=1) beside the 17th report. The plan switcher and /plans change what the objective
// tree, the task list and the completion views show. Only this spec touches the 工作要点's measures.
test.describe.configure({ mode: "serial", retries: 0 });

const { prefix: HB, year } = demoPlanPrefix();
const HB_TITLE = `河北省总工会${year}年工作要点`;
const REPORT_TITLE = "中国工会第十七次全国代表大会报告";
const HB_MEASURE = `${HB}.2.1.2`; // 举办全省职工职业技能大赛
const SHOTS = process.env.SHOTS_DIR ?? "test-results/shots";

const switcher = (page: Page) => page.getByTestId("plan-switcher");

async function switchTo(page: Page, prefix: string) {
  await switcher(page).selectOption(prefix);
  await expect(switcher(page)).toHaveValue(prefix);
  await expect(switcher(page)).toBeEnabled();
}

test("the plan list, the switcher, and the tree, task list and completion of the current plan", async ({
  page,
}) => {
  test.slow();
  await loginAs(page, "hebei");
  await page.goto("/plans");
  // By prefix, not by count or title: plan-import.spec publishes another 河北 工作要点 of the same year.
  const items = page.getByTestId("plan-list").locator("li");
  const hb = items.filter({ has: page.getByText(HB, { exact: true }) });
  await expect(hb).toHaveCount(1);
  await expect(items.filter({ hasText: REPORT_TITLE })).toHaveCount(1);
  await expect(hb).toContainText("年度工作要点");
  await expect(hb).toContainText("河北省总工会");
  await expect(hb).toContainText(`${year}-01-01 至 ${year}-12-31`);
  await expect(hb).toContainText("13"); // 工作措施
  await expect(items.filter({ hasText: REPORT_TITLE })).toContainText("当前计划"); // none covers today: the report
  // A plan manager gets the links to the importer and to the editor.
  await expect(page.getByRole("link", { name: "导入计划" })).toHaveAttribute("href", "/plans/import");
  await expect(hb.getByRole("link", { name: "编辑" })).toHaveAttribute("href", /\/plans\/\d+\/edit$/);
  // The national report is not 河北's to edit.
  await expect(items.filter({ hasText: REPORT_TITLE }).getByRole("link", { name: "编辑" })).toHaveCount(0);
  await expect(switcher(page)).toHaveValue("3");
  await page.screenshot({ path: `${SHOTS}/plans-list-desktop.png`, fullPage: true });

  // The plan's tree, by its link; the plan becomes the current one.
  await hb.getByTestId("plan-tree-link").click();
  await expect(page).toHaveURL(new RegExp(`/objectives\\?plan=${HB}$`));
  await expect(page.locator("main")).toContainText("坚持政治引领，推动党的创新理论在全省职工中落地生根");
  await expect(page.locator("main")).not.toContainText("始终坚持正确政治方向");
  await expect(switcher(page)).toHaveValue(HB);
  await page.goto("/objectives");
  await expect(page.locator("main")).toContainText(HB_TITLE);

  // 下达 one of its measures to 正定: the form offers the current plan's measures only.
  await page.goto("/tasks/new");
  await expect(page.locator("main")).toContainText(`当前计划：${HB_TITLE}`);
  await page.getByPlaceholder("筛选任务目标").fill("技能大赛");
  const picker = page.getByTestId("objective-picker");
  await expect(picker.locator("li span.font-mono")).toHaveText([`${HB}.2`, `${HB}.2.1`, HB_MEASURE]);
  await picker.getByText(HB_MEASURE, { exact: true }).click();
  await page.getByRole("radio", { name: "指定单位" }).check();
  await page.getByPlaceholder("搜索单位名称或代码").fill("130123");
  await page.getByTestId("org-results").getByText("正定县总工会").click();
  await page.getByRole("button", { name: "确认下达" }).click();
  await expect(page.getByTestId("assign-result")).toContainText("已下达 1 项任务");

  // The task list of this plan holds exactly that task; the report's list does not.
  await page.goto("/tasks");
  const rows = page.getByTestId("task-row");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(HB_MEASURE);
  await switchTo(page, "3");
  await expect(page.getByTestId("task-row").filter({ hasText: HB_MEASURE })).toHaveCount(0);

  // Completion: the report's main tasks, then (switched back) the plan's one task.
  await page.goto("/completion");
  await expect(page.getByTestId("completion-plan")).toContainText(REPORT_TITLE);
  await expect(page.locator("main")).not.toContainText("聚焦京津冀协同发展");
  await switchTo(page, HB);
  await expect(page.getByTestId("completion-plan")).toContainText(HB_TITLE);
  await expect(page.getByTestId("tile-total")).toHaveText("1");
  await expect(page.locator("main")).toContainText("聚焦京津冀协同发展");
  await expect(page.locator("main")).not.toContainText("始终坚持正确政治方向");
  await page.locator("header").screenshot({ path: `${SHOTS}/plans-switcher-desktop.png` });

  // The export is of the current plan and says so in its name.
  const ledger = await page.request.get(`/api/exports/ledger?plan=${HB}&format=csv`);
  expect(ledger.status()).toBe(200);
  expect(decodeURIComponent(ledger.headers()["content-disposition"] ?? "")).toContain(
    `台账-河北省总工会-${HB}-`,
  );
  const lines = (await ledger.body())
    .toString("utf8")
    .replace(/^\uFEFF/, "")
    .split("\r\n")
    .filter(Boolean);
  expect(lines).toHaveLength(2); // header + the one task

  // The 通报 of the current plan names it.
  await page.goto("/completion/report");
  await expect(page.getByTestId("bulletin").locator("h1")).toHaveText(
    `关于“${HB_TITLE}”工作任务完成情况的通报`,
  );
});

test("at 360 px: the plan list and the switcher fit the screen", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 780 });
  await loginAs(page, "zhengding");
  await page.goto("/plans");
  const list = page.getByTestId("plan-list").locator("li");
  await expect(list.filter({ has: page.getByText(HB, { exact: true }) })).toHaveCount(1);
  await expect(list.filter({ hasText: REPORT_TITLE })).toHaveCount(1);
  await expect(switcher(page)).toBeVisible();
  // No sideways scrolling of the page.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await page.screenshot({ path: `${SHOTS}/plans-list-360.png`, fullPage: true });
  await switchTo(page, HB);
  await expect(page.getByTestId("plan-list").locator("li").filter({ hasText: "当前计划" })).toContainText(
    HB_TITLE,
  );
  await page.locator("header").screenshot({ path: `${SHOTS}/plans-switcher-360.png` });
  await page.goto("/objectives");
  await expect(page.locator("main")).toContainText(HB_TITLE);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await page.screenshot({ path: `${SHOTS}/plans-tree-360.png`, fullPage: true });
});

test("a county in 湖北 does not see 河北's plan, by list, link or export", async ({ page }) => {
  await loginAs(page, "wuchang");
  await page.goto(`/plans?plan=${HB}`);
  await expect(page.getByTestId("plan-list").locator("li")).toHaveCount(1);
  await expect(page.locator("main")).not.toContainText(HB_TITLE);
  await expect(switcher(page)).toHaveValue("3");
  await page.goto(`/objectives?plan=${HB}`);
  await expect(page.locator("main")).not.toContainText("坚持政治引领");
  expect((await page.goto(`/objectives/${HB}.1`))?.status()).toBe(404);
  const ledger = await page.request.get(`/api/exports/ledger?plan=${HB}&format=csv`);
  expect(ledger.status()).toBe(404);
});
