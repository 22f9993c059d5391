import { expect, test, type Page } from "@playwright/test";
import { loginAs } from "./fixtures/auth";
import { expectToast, openTask } from "./fixtures/tasks";

// 单位调整 through the dialogs, by 石家庄's manager, on 长安区's four grassroots unions (no other
// spec uses them) with measures of 3.4.1 nobody else uses: a rename, a move to 井陉县 (tasks go
// with the union), a merge (one task transferred, one cancelled as it collides), and a close
// (tasks cancelled with the reason). The completion figures and the task timelines follow.
test.describe.configure({ mode: "serial", retries: 0 });

const M1 = "3.4.1.1";
const M2 = "3.4.1.2";
const CA = "石家庄市长安区";
const HX = `${CA}华信商贸有限公司工会`;
const HX2 = `${CA}华信商贸集团工会`;
const MH = `${CA}明华街道总工会`;
const SZ = `${CA}数智科技产业园区工会联合会`;
const XC = `${CA}新程物流有限公司工会`;
const SHOTS = process.env.SHOTS_DIR ?? "test-results/shots";

async function assign(
  page: Page,
  measure: string,
  target: { org?: string; under?: string; expected: number },
) {
  await page.goto("/tasks/new");
  await page.getByPlaceholder("筛选任务目标").fill(measure);
  await page.getByTestId("objective-picker").getByText(measure, { exact: true }).click();
  if (target.org) {
    await page.getByRole("radio", { name: "指定单位" }).check();
    await page.getByRole("searchbox", { name: "搜索单位名称或代码" }).fill(target.org);
    await page.getByTestId("org-results").getByRole("checkbox", { name: target.org }).check();
  } else {
    await page.getByLabel("范围", { exact: true }).selectOption({ label: target.under! });
    await page.getByLabel("层级", { exact: true }).selectOption({ label: "基层工会" });
  }
  await page.getByRole("button", { name: "确认下达" }).click();
  await expect(page.getByTestId("assign-result")).toContainText(`已下达 ${target.expected} 项任务`);
}

/** The total of a county's row in 石家庄's region table for `measure` ("—" when it has no row). */
async function countyTotal(page: Page, measure: string, county: string) {
  await page.goto(`/completion?objective=${measure}`);
  await expect(page.getByRole("heading", { name: "石家庄市总工会 · 完成情况" })).toBeVisible();
  const row = page.getByTestId("region-table").locator("tbody tr").filter({ hasText: county });
  return (await row.count()) ? ((await row.first().locator("td").first().textContent()) ?? "").trim() : "—";
}

async function openOrg(page: Page, code: string) {
  await page.goto(`/orgs?q=${code}`);
  await page.locator("main ul a").filter({ hasText: code }).first().click();
  await expect(page.getByTestId("org-changes")).toBeVisible();
}

async function pick(dialog: ReturnType<Page["getByRole"]>, id: string, o: { q: string; name: string }) {
  await dialog.locator(`#${id}`).fill(o.q);
  await dialog
    .getByTestId(`${id}-results`)
    .getByRole("radio", { name: new RegExp(o.name) })
    .check();
}

test("setup: 石家庄 gives M1 to 长安's four unions and M2 to 明华", async ({ page }) => {
  await loginAs(page, "shijiazhuang");
  await assign(page, M1, { under: "石家庄市长安区总工会", expected: 4 });
  await assign(page, M2, { org: MH, expected: 1 });
  expect(await countyTotal(page, M1, "长安区总工会")).toBe("4");
});

test("rename, then move 华信 to 井陉县 with its tasks: the figures and the timeline follow", async ({
  page,
}) => {
  await loginAs(page, "shijiazhuang");
  await openOrg(page, "1301020001");
  await page.getByTestId("org-rename").click();
  const rename = page.getByRole("dialog");
  await rename.getByLabel("新名称").fill("华");
  await rename.getByRole("button", { name: "确认更名" }).click();
  await expect(rename.getByText("请输入 2–100 字的名称")).toBeVisible();
  await rename.getByLabel("新名称").fill(HX2);
  await rename.getByRole("button", { name: "确认更名" }).click();
  await expectToast(page, `已更名为“${HX2}”`);
  await expect(page.getByRole("heading", { name: HX2 })).toBeVisible();

  await page.getByTestId("org-move").click();
  const move = page.getByRole("dialog");
  await move.getByRole("button", { name: "调整隶属" }).click();
  await expect(move.getByText("此项必填").first()).toBeVisible();
  await pick(move, "move-county", { q: "井陉", name: "井陉县总工会" });
  await expect(move.getByTestId("open-task-count")).toHaveText("本单位有 1 项未完成的任务");
  await move.getByText("任务随单位转移").click();
  await page.screenshot({ path: `${SHOTS}/tree-move-dialog.png`, fullPage: true });
  await move.getByRole("button", { name: "调整隶属" }).click();
  await expect(move.getByTestId("confirm-step")).toContainText(`确认把“${HX2}”调整到“井陉县总工会”？`);
  await move.getByTestId("confirm-change").click();
  await expectToast(page, "已调整到“井陉县总工会”");
  const history = page.getByTestId("org-history");
  await expect(history.locator("li").first()).toContainText("调整隶属");
  await expect(history.locator("li").first()).toContainText("上级单位：石家庄市长安区总工会 → 井陉县总工会");
  await expect(history).toContainText(`名称：${HX} → ${HX2}`);
  await page.screenshot({ path: `${SHOTS}/tree-history.png`, fullPage: true });

  expect(await countyTotal(page, M1, "长安区总工会")).toBe("3");
  expect(await countyTotal(page, M1, "井陉县总工会")).toBe("1");
  await openTask(page, M1, HX2);
  const timeline = page.getByTestId("timeline");
  await expect(timeline).toContainText("单位调整隶属");
  await expect(timeline).toContainText("所属县（区）：石家庄市长安区总工会 → 井陉县总工会");
});

test("merge 明华 into 数智: the colliding task is cancelled, the other goes to 数智", async ({ page }) => {
  await loginAs(page, "shijiazhuang");
  await openOrg(page, "1301020002");
  await page.getByTestId("org-merge").click();
  const merge = page.getByRole("dialog");
  await pick(merge, "merge-into", { q: "数智", name: SZ });
  await expect(merge.getByTestId("open-task-count")).toHaveText("本单位有 2 项未完成的任务");
  await expect(merge).toContainText("其中 1 项措施对方单位已承办");
  await merge.getByText("未完成的任务转交并入单位").click();
  await page.screenshot({ path: `${SHOTS}/tree-merge-dialog.png`, fullPage: true });
  await merge.getByRole("button", { name: "合并" }).click();
  await merge.getByTestId("confirm-change").click();
  await expectToast(page, `已并入“${SZ}”`);
  await expect(page.getByText(`已并入 ${SZ}`)).toBeVisible();
  await expect(page.getByTestId("org-changes")).toHaveCount(0); // a closed org takes no further change

  expect(await countyTotal(page, M1, "长安区总工会")).toBe("2");
  expect(await countyTotal(page, M2, "长安区总工会")).toBe("1");
  await openTask(page, M2, SZ);
  await expect(page.getByTestId("timeline")).toContainText(`承办单位：${MH} → ${SZ}`);
  await openTask(page, M1, MH);
  await expect(page.locator(".status-badge").first()).toHaveText("已撤销");
  await expect(page.getByTestId("timeline")).toContainText(`${SZ}已承办同一措施的任务`);
});

test("close 新程, cancelling its task with the reason", async ({ page }) => {
  await loginAs(page, "shijiazhuang");
  await openOrg(page, "1301020004");
  await page.getByTestId("org-close").click();
  const close = page.getByRole("dialog");
  await close.getByRole("button", { name: "撤销单位" }).click();
  await expect(close.getByText("请填写原因（至少 2 个字）")).toBeVisible();
  await close.getByLabel("撤销原因").fill("企业注销，工会组织撤销");
  await close.getByText("撤销这些任务").click();
  await page.screenshot({ path: `${SHOTS}/tree-close-dialog.png`, fullPage: true });
  await close.getByRole("button", { name: "撤销单位" }).click();
  await expect(close.getByTestId("confirm-step")).toContainText(`确认撤销“${XC}”？`);
  await close.getByTestId("confirm-change").click();
  await expectToast(page, `“${XC}”已撤销`);
  await expect(page.getByTestId("org-closed")).toContainText("企业注销，工会组织撤销");

  expect(await countyTotal(page, M1, "长安区总工会")).toBe("1");
  await openTask(page, M1, XC);
  await expect(page.locator(".status-badge").first()).toHaveText("已撤销");
  const timeline = page.getByTestId("timeline");
  await expect(timeline).toContainText("单位撤销");
  await expect(timeline).toContainText("企业注销，工会组织撤销");
});

test("at 360 px the dialogs and the history fit the screen", async ({ browser }) => {
  const ctx = await browser.newContext({
    viewport: { width: 360, height: 780 },
    isMobile: true,
    hasTouch: true,
  });
  const page = await ctx.newPage();
  await loginAs(page, "shijiazhuang");
  await openOrg(page, "1301020003");
  await page.getByTestId("org-merge").click();
  const merge = page.getByRole("dialog");
  await pick(merge, "merge-into", { q: "华信", name: HX2 });
  await merge.getByText("撤销这些任务").click();
  await merge.getByRole("button", { name: "合并" }).click();
  await expect(merge.getByText("请填写原因（至少 2 个字）")).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/tree-merge-dialog-360.png`, fullPage: true });
  await page.keyboard.press("Escape");
  await page.getByTestId("org-move").click();
  await pick(page.getByRole("dialog"), "move-county", { q: "井陉", name: "井陉县总工会" });
  await page.screenshot({ path: `${SHOTS}/tree-move-dialog-360.png`, fullPage: true });
  await page.keyboard.press("Escape");
  await page.getByTestId("org-history").scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/tree-history-360.png`, fullPage: true });
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(360);
  await openOrg(page, "1301020001");
  await page.getByTestId("org-close").click();
  await page.getByRole("dialog").getByText("未完成的任务转交指定单位").click();
  await expect(page.getByTestId("close-successor-results").getByRole("radio").first()).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/tree-close-dialog-360.png`, fullPage: true });
  await ctx.close();
});
