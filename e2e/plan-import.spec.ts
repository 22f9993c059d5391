import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { workPointsDocx } from "../tests/fixtures/work-points-docx";
import { loginAs } from "./fixtures/auth";

// Issue 13, §3: a provincial manager (河北) imports a yearly 工作要点 from a .docx built here, fixes
// the preview (rename one node, drop one, add a measure), publishes it, and assigns one of its
// measures to a city through the 下达 form. Screenshots at desktop and 360 px. Its prefix is HBGZ2027:
// the e2e server seeds the demo plan as HB<next year>.
test.describe.configure({ mode: "serial", retries: 0 });

const SHOTS = process.env.SHOTS_DIR ?? "test-results/shots";
const shoot = async (page: Page, name: string) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: `${SHOTS}/planimport-${name}-desktop.png`, fullPage: true });
  await page.setViewportSize({ width: 360, height: 780 });
  await page.screenshot({ path: `${SHOTS}/planimport-${name}-360.png`, fullPage: true });
  // Nothing wider than the phone's screen.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${name} scrolls sideways at 360 px`).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1280, height: 900 });
};
const node = (page: Page, code: string) => page.locator(`li[data-code="${code}"]`);
const toolbar = (page: Page, code: string) => node(page, code).getByRole("toolbar").first();

test("河北 imports its 2027 工作要点 from Word, fixes the preview, publishes and assigns a measure", async ({
  page,
}) => {
  test.slow();
  await loginAs(page, "hebei");
  await page.goto("/plans/import");
  await expect(page.getByRole("heading", { name: "导入计划" })).toBeVisible();
  await expect(page.getByLabel("发文单位")).toHaveValue(/\d+/);
  await shoot(page, "import");

  // A file that is not a Word document is refused with a clear message, and no draft is made.
  await page.getByLabel(/选择文件/).setInputFiles({
    name: "要点.docx",
    mimeType: "application/pdf",
    buffer: Buffer.from("%PDF-1.4\n%%EOF\n"),
  });
  await page.getByRole("button", { name: "识别并生成预览" }).click();
  await expect(page.getByText("仅支持 .docx 和 .txt 文件", { exact: false })).toBeVisible();

  await page.getByLabel(/选择文件/).setInputFiles({
    name: "河北省总工会2027年工作要点.docx",
    mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    buffer: await workPointsDocx(),
  });
  await page.getByRole("button", { name: "识别并生成预览" }).click();
  await page.waitForURL(/\/plans\/import\/\d+$/);
  await expect(page.getByTestId("draft-counts")).toHaveText("共 3 项主要任务、10 项具体措施");
  await expect(page.getByLabel("计划名称")).toHaveValue("河北省总工会2027年工作要点");
  await expect(page.getByLabel("计划类型")).toHaveValue("WORK_POINTS");
  await expect(page.getByLabel("起始日期")).toHaveValue("2027-01-01");
  // Each node's source text beside it.
  await expect(node(page, "?.1.1.2")).toContainText("（1）建设一批职工思想政治工作示范点。");

  const status = page.getByTestId("save-status");
  await page.getByLabel("编码前缀").fill("hbgz2027");
  await expect(page.getByLabel("编码前缀")).toHaveValue("HBGZ2027");
  await expect(status).toHaveText("已自动保存");
  // Rename one node.
  const title = page.getByLabel("标题 HBGZ2027.1.2", { exact: true });
  await title.fill("加强工会宣传舆论阵地建设");
  await title.press("Enter");
  await expect(status).toHaveText("已自动保存");
  // Drop one: the sub-item 推进产业工人队伍建设改革 (and its measure).
  await toolbar(page, "HBGZ2027.2.2").getByRole("button", { name: "删除" }).click();
  await node(page, "HBGZ2027.2.2").locator(".border-red-200").getByRole("button", { name: "删除" }).click();
  await expect(node(page, "HBGZ2027.2.2")).toHaveCount(0);
  // Add a measure under 做好困难职工帮扶.
  await toolbar(page, "HBGZ2027.3.2").getByRole("button", { name: "添加措施" }).click();
  await node(page, "HBGZ2027.3.2").getByLabel("新措施标题").fill("开展“两节”送温暖活动");
  await node(page, "HBGZ2027.3.2").getByRole("button", { name: "添加", exact: true }).click();
  await expect(page.getByLabel("标题 HBGZ2027.3.2.2", { exact: true })).toHaveValue("开展“两节”送温暖活动");
  await expect(page.getByTestId("draft-counts")).toHaveText("共 3 项主要任务、10 项具体措施");
  await expect(status).toHaveText("已自动保存");

  // The draft survives a reload.
  await page.reload();
  await expect(page.getByLabel("标题 HBGZ2027.1.2", { exact: true })).toHaveValue("加强工会宣传舆论阵地建设");
  await expect(page.getByLabel("标题 HBGZ2027.3.2.2", { exact: true })).toHaveValue("开展“两节”送温暖活动");
  await expect(node(page, "HBGZ2027.2.2")).toHaveCount(0);
  await shoot(page, "preview");

  await page.getByRole("button", { name: "发布计划" }).click();
  await page.waitForURL(/\/plans\/\d+\/edit$/);
  await expect(page.getByRole("heading", { name: "河北省总工会2027年工作要点" })).toBeVisible();
  await expect(node(page, "HBGZ2027.3.2.2")).toContainText("开展“两节”送温暖活动");
  await expect(node(page, "HBGZ2027.1.2")).toContainText("加强工会宣传舆论阵地建设");
  await expect(page.getByTestId("plan-history")).toContainText("新增");

  // Edit with history: rename a measure on the published plan.
  const m = node(page, "HBGZ2027.3.1.2");
  await m.getByRole("button", { name: "修改标题" }).first().click();
  await m.getByLabel("修改标题").fill("加强职工法律援助服务");
  await m.getByRole("button", { name: "保存" }).click();
  await expect(page.getByTestId("plan-history")).toContainText("加强职工法律服务 → 加强职工法律援助服务");
  await shoot(page, "edit");

  const editUrl = page.url();
  // 下达 one of its measures to a city.
  await node(page, "HBGZ2027.1.1.1").getByRole("link", { name: "下达" }).click();
  await page.waitForURL(/\/tasks\/new\?objective=HBGZ2027\.1\.1\.1$/);
  await expect(page.getByTestId("measure-count")).toHaveText("已选 1 项具体举措");
  await page.getByRole("radio", { name: "指定单位" }).check();
  await page.getByPlaceholder("搜索单位名称或代码").fill("130100");
  await page.getByTestId("org-results").getByText("石家庄市总工会").click();
  await page.getByRole("button", { name: "确认下达" }).click();
  await expect(page.getByTestId("assign-result")).toContainText("已下达 1 项任务");

  // The retire dialog asks what to do with the open task.
  await page.goto(editUrl);
  await expect(node(page, "HBGZ2027.1.1.1")).toContainText("1 项未办结任务");
  await node(page, "HBGZ2027.1.1.1").getByRole("button", { name: "停用" }).first().click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText("该措施还有 1 项未办结的任务");
  await page.screenshot({ path: `${SHOTS}/planimport-retire-desktop.png` });
  await dialog.getByLabel("保留这些任务，继续办理").check();
  await dialog.getByRole("button", { name: "确认停用" }).click();
  await expect(node(page, "HBGZ2027.1.1.1")).toContainText("已停用");
  await expect(page.getByTestId("plan-history")).toContainText("保留了 1 项未办结任务");
});

// 只导入第…部分: the whole 17th Congress report as a .txt (the seed's own text), part 三 chosen. Its six
// main tasks stand at the top of the preview, titled as the seeded plan's 3.1 … 3.6 (the frozen seed
// codes), each with its source beside it.
const REPORT_FILE = path.resolve(import.meta.dirname, "../prisma/seed/data/report-17th-congress.txt");
const SEEDED_CODES = path.resolve(import.meta.dirname, "../features/objectives/lib/report-17th-codes.json");
test.describe("the whole 17th report with 只导入第三部分, at 360 px", () => {
  test.use({ viewport: { width: 360, height: 780 } });
  const noOverflow = async (page: Page) =>
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  test("a missing part is refused beside the choice; part 三 gives the six main tasks", async ({ page }) => {
    test.slow();
    const seeded = new Map(JSON.parse(readFileSync(SEEDED_CODES, "utf8")) as [string, string][]);
    await loginAs(page, "acftu");
    await page.goto("/plans/import");
    await page.getByLabel(/选择文件/).setInputFiles({
      name: "中国工会第十七次全国代表大会报告.txt",
      mimeType: "text/plain",
      buffer: readFileSync(REPORT_FILE),
    });
    const part = page.getByLabel("只导入第…部分");
    await expect(part).toHaveValue("");
    // The report has three parts 一、二、三: a fourth is named as missing, and no draft opens.
    await part.selectOption("四");
    await page.getByRole("button", { name: "识别并生成预览" }).click();
    await expect(page.getByText("文件中没有第四部分：找不到以“四、”开头的一级标题")).toBeVisible();
    await expect(page).toHaveURL(/\/plans\/import$/);
    await noOverflow(page);
    await page.screenshot({ path: `${SHOTS}/planimport-part-missing-360.png`, fullPage: true });

    await part.selectOption("三");
    await page.getByRole("button", { name: "识别并生成预览" }).click();
    await page.waitForURL(/\/plans\/import\/\d+$/);
    await expect(page.getByTestId("draft-counts")).toHaveText("共 6 项主要任务、82 项具体措施");
    await expect(page.getByLabel("计划名称")).toHaveValue("今后五年工会工作的主要任务");
    const markers = ["（一）", "（二）", "（三）", "（四）", "（五）", "（六）"];
    for (const [i, marker] of markers.entries()) {
      const code = `?.${i + 1}`;
      await expect(page.getByLabel(`标题 ${code}`, { exact: true })).toHaveValue(seeded.get(`3.${i + 1}`)!);
      await expect(node(page, code).first()).toContainText(marker);
    }
    await expect(node(page, "?.7")).toHaveCount(0);
    await noOverflow(page);
    await page.getByTestId("draft-counts").evaluate((e) => e.scrollIntoView({ block: "center" }));
    await page.screenshot({ path: `${SHOTS}/planimport-part-preview-360.png` });
    await page.getByLabel("标题 ?.6", { exact: true }).evaluate((e) => e.scrollIntoView({ block: "center" }));
    await page.screenshot({ path: `${SHOTS}/planimport-part-preview-main6-360.png` });
  });
});
