import { expect, test, type Page } from "@playwright/test";
import { loginAs } from "./fixtures/auth";
import { openAction, openTask } from "./fixtures/tasks";

// The 下达 form's safeguards and the objective pages (issue 11, items 1-4). Measures of （一） that
// no other spec uses; the wide 下达 goes to 山西's counties, outside every other spec's regions.
test.describe.configure({ mode: "serial", retries: 0 });

const WIDE = "3.1.1.1";
const M = "3.1.2.1";
const NOTE = "请于季度末前报送方案";

const picker = (page: Page) => page.getByTestId("objective-picker");
const levelOptions = (page: Page) => page.getByLabel("层级", { exact: true }).locator("option");

async function pickMeasure(page: Page, code: string) {
  await page.getByPlaceholder("筛选任务目标").fill(code);
  await picker(page).getByText(code, { exact: true }).click();
}

test("searching 智慧工会 shows the matching work item with its measures, in the picker and on /objectives", async ({
  page,
}) => {
  await loginAs(page, "acftu");
  await page.goto("/tasks/new");
  await page.getByPlaceholder("筛选任务目标").fill("智慧工会");
  const codes = picker(page).locator("li span.font-mono");
  await expect(codes).toHaveText(["3.5", "3.5.2", "3.5.2.1", "3.5.2.2", "3.5.2.3"]);
  // Ticking the work item ticks (and locks) its measures.
  await picker(page).getByText("积极建设智慧工会").click();
  await expect(page.getByTestId("measure-count")).toHaveText("已选 3 项具体举措");
  await page.getByPlaceholder("筛选任务目标").fill("量子纠缠");
  await expect(picker(page)).toContainText("没有与“量子纠缠”匹配的任务目标");

  await page.goto(`/objectives?q=${encodeURIComponent("智慧工会")}`);
  const hits = page.getByTestId("objective-hit");
  await expect(hits).toHaveCount(4);
  await expect(hits.nth(0)).toContainText("3.5.2");
  await expect(hits.nth(1)).toContainText("3.5.2.1");
  await expect(hits.nth(1)).toContainText("积极建设智慧工会"); // its path
  await expect(page.getByRole("status")).toContainText("下的具体举措一并列出");
});

test("the form offers only levels below the holder, starts with the next tier and shows its reach", async ({
  page,
}) => {
  await loginAs(page, "zhengding");
  await page.goto("/tasks/new");
  await expect(levelOptions(page)).toHaveText(["基层工会"]);
  await expect(page.getByTestId("target-reach")).toHaveText("将下达至 4 个单位");

  await loginAs(page, "hebei");
  await page.goto("/tasks/new");
  await expect(levelOptions(page)).toHaveText(["市级工会", "县级工会", "基层工会"]);
  await expect(page.getByLabel("层级", { exact: true })).toHaveValue("CITY");
  // 优先级: four labels that read differently.
  await expect(page.getByLabel("优先级").locator("option")).toHaveText(["次要", "常规", "重要", "紧急"]);
  await pickMeasure(page, M);
  await page.getByLabel("范围", { exact: true }).selectOption({ label: "石家庄市总工会" });
  await page.getByLabel("层级", { exact: true }).selectOption({ label: "县级工会" });
  await expect(page.getByTestId("target-reach")).toHaveText("将下达至 22 个单位，共 22 项任务");
  // Chosen orgs: the count follows the choice.
  await page.getByRole("radio", { name: "指定单位" }).check();
  await expect(page.getByTestId("target-reach")).toHaveText("将下达至 0 个单位");
  await page.getByPlaceholder("搜索单位名称或代码").fill("130123");
  await page.getByTestId("org-results").getByText("正定县总工会").click();
  await expect(page.getByTestId("target-reach")).toHaveText("将下达至 1 个单位，共 1 项任务");
});

test("a 下达 reaching more than 50 orgs asks first, naming the count; going back sends nothing", async ({
  page,
}) => {
  test.slow(); // about 100 tasks in one batch
  await loginAs(page, "acftu");
  await page.goto("/tasks/new");
  // The default reaches the 31 provinces, not the whole country.
  await expect(page.getByTestId("target-reach")).toHaveText("将下达至 31 个单位");
  await pickMeasure(page, WIDE);
  await page.getByLabel("范围", { exact: true }).selectOption({ label: "山西省总工会" });
  await page.getByLabel("层级", { exact: true }).selectOption({ label: "县级工会" });
  const reach = page.getByTestId("target-reach");
  await expect(reach).toContainText("超过 50 个单位，下达前需再次确认");
  const orgs = Number((await reach.textContent())!.match(/将下达至 (\d+) 个单位/)![1]);
  expect(orgs).toBeGreaterThan(50);

  await page.getByRole("button", { name: "确认下达" }).click();
  const dialog = page.getByTestId("reach-confirm");
  await expect(dialog).toContainText(`本次将向 ${orgs} 个单位下达共 ${orgs} 项任务`);
  if (process.env.SCREENSHOTS) {
    await page.screenshot({ path: "test-results/shots/assign-confirm-desktop.png" });
    await page.setViewportSize({ width: 360, height: 780 });
    await page.screenshot({ path: "test-results/shots/assign-confirm-phone.png", fullPage: true });
  }
  await dialog.getByRole("button", { name: "返回修改" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId("assign-result")).toHaveCount(0);
  await page.goto(`/tasks?q=${WIDE}`);
  await expect(page.getByText("暂无符合条件的任务")).toBeVisible();

  await page.goto("/tasks/new");
  await pickMeasure(page, WIDE);
  await page.getByLabel("范围", { exact: true }).selectOption({ label: "山西省总工会" });
  await page.getByLabel("层级", { exact: true }).selectOption({ label: "县级工会" });
  await page.getByRole("button", { name: "确认下达" }).click();
  await dialog.getByRole("button", { name: `确认向 ${orgs} 个单位下达` }).click();
  await expect(page.getByTestId("assign-result")).toContainText(`已下达 ${orgs} 项任务`);
});

test("分解 starts from the parent's priority and note, and never offers the holder's own level", async ({
  browser,
  page,
}) => {
  test.slow(); // two users, a 下达 and a 分解
  await loginAs(page, "acftu");
  await page.goto("/tasks/new");
  await pickMeasure(page, M);
  await page.getByRole("radio", { name: "指定单位" }).check();
  await page.getByPlaceholder("搜索单位名称或代码").fill("130000");
  await page.getByTestId("org-results").getByText("河北省总工会").click();
  await page.getByLabel("优先级").selectOption({ label: "紧急" });
  await page.getByLabel("下达说明").fill(NOTE);
  await page.getByRole("button", { name: "确认下达" }).click();
  await expect(page.getByTestId("assign-result")).toContainText("已下达 1 项任务");

  const hebei = await browser.newPage();
  await loginAs(hebei, "hebei");
  await openTask(hebei, M, "河北省总工会");
  await (await openAction(hebei, "sign")).getByRole("button", { name: "签收" }).click();
  await expect(hebei.locator(".status-badge").first()).toHaveText("办理中");
  await hebei.getByTestId("action-cascade").click();
  await expect(hebei.getByRole("heading", { name: "分解下达" })).toBeVisible();
  await expect(hebei.getByLabel("优先级")).toHaveValue("URGENT");
  await expect(hebei.getByLabel("下达说明")).toHaveValue(NOTE);
  await expect(levelOptions(hebei)).toHaveText(["市级工会", "县级工会", "基层工会"]);
  await hebei.getByLabel("范围", { exact: true }).selectOption({ label: "石家庄市总工会" });
  await hebei.getByLabel("层级", { exact: true }).selectOption({ label: "县级工会" });
  await expect(hebei.getByTestId("target-reach")).toHaveText("将下达至 22 个单位，共 22 项任务");
  await hebei.getByRole("button", { name: "确认下达" }).click();
  await expect(hebei.getByTestId("assign-result")).toContainText("已下达 22 项任务");
  await hebei.close();
});

test("a measure's page: its tasks in the user's area, and 下达 for those who may assign", async ({
  page,
}) => {
  await loginAs(page, "hebei");
  await page.goto(`/objectives/${M}`);
  const box = page.getByTestId("objective-tasks");
  // Counted as in 完成情况: 河北's own task (办理中, passed down) counts in its region; the 22 county
  // tasks it passed down do not count again there.
  await expect(box.getByTestId("objective-count-total")).toContainText("1");
  await expect(box.getByTestId("objective-count-PENDING_SIGN")).toContainText("0");
  await expect(box.getByTestId("objective-count-IN_PROGRESS")).toContainText("1");
  await expect(box.getByTestId("objective-count-COMPLETED")).toContainText("0");
  await expect(box.getByTestId("objective-rate")).toHaveText("0.0%");
  await box.getByTestId("objective-count-IN_PROGRESS").click();
  await expect(page).toHaveURL(
    new RegExp(`/tasks\\?org=\\d+&counted=1&objective=${M.replace(/\./g, "\\.")}&status=IN_PROGRESS`),
  );
  await expect(page.getByTestId("task-row")).toHaveCount(1);

  await page.goto(`/objectives/${M}`);
  await page.getByTestId("objective-assign").click();
  await expect(page).toHaveURL(new RegExp(`/tasks/new\\?objective=${M.replace(/\./g, "\\.")}`));
  await expect(page.getByTestId("measure-count")).toHaveText("已选 1 项具体举措");

  // Another region sees none of it; a staff member has no 下达 button.
  await loginAs(page, "hubei");
  await page.goto(`/objectives/${M}`);
  await expect(page.getByTestId("objective-tasks")).toContainText("本单位及下级单位暂无此项任务");
  await expect(page.getByTestId("objective-assign")).toBeVisible();
  await loginAs(page, "zhengding.staff");
  await page.goto(`/objectives/${M}`);
  await expect(page.getByTestId("objective-count-total")).toContainText("1");
  await expect(page.getByTestId("objective-assign")).toHaveCount(0);
});
