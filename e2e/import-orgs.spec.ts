import ExcelJS from "exceljs";
import { expect, test, type Page } from "@playwright/test";
import { loginAs } from "./fixtures/auth";

// A county manager (武昌区; not 正定, whose four demo unions other specs count) downloads the template, uploads 200 grassroots unions of which 4 rows are
// bad, reads the preview and the errors, downloads the error report, confirms, and finds the unions
// in the org list. Screenshots at desktop width and at 360 px.

const SHOTS = process.env.SHOTS_DIR ?? "test-results/shots";
const HEADERS = ["工会名称", "工会代码", "上级工会", "类型", "会员人数", "工会主席", "联系方式"];
// Codes of this run only, so that a retry on the same server starts from nothing again.
const RUN = `E${Date.now().toString(36).toUpperCase()}`;

function unions(): unknown[][] {
  const rows: unknown[][] = [HEADERS];
  for (let i = 1; i <= 200; i++) {
    const code = `${RUN}-${String(i).padStart(3, "0")}`;
    const row = [
      `武昌区第${i}企业工会${RUN}`,
      code,
      "420106",
      "企业",
      20 + i,
      `主席${i}`,
      `1380000${String(i).padStart(4, "0")}`,
    ];
    if (i === 50) row[2] = "130123"; // 正定县: outside 武昌区
    if (i === 100) row[3] = "合资"; // not a type
    if (i === 151) row[1] = `${RUN}-150`; // the same code as row 151 (sheet row 152 vs 151)
    if (i === 170) row[2] = "湖北省总工会/武汉市总工会/武汉市武昌区总工会"; // parent by name path: fine
    rows.push(row);
  }
  return rows;
}

async function xlsx(rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("基层工会");
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function sheetOf(path: string): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const out: string[][] = [];
  wb.worksheets[0]!.eachRow((row) =>
    out.push(Array.from((row.values as unknown[]).slice(1), (v) => String(v ?? ""))),
  );
  return out;
}

async function upload(page: Page, file: Buffer) {
  await page.goto("/imports");
  await page.locator('input[name="file"]').setInputFiles({
    name: "武昌区基层工会.xlsx",
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer: file,
  });
  await page.getByRole("button", { name: "上传并预览" }).click();
  await expect(page).toHaveURL(/\/imports\/\d+/);
}

test("a county manager imports 200 grassroots unions", async ({ page }) => {
  test.setTimeout(180_000);
  await loginAs(page, "wuchang");
  await page.goto("/");
  await page.getByRole("link", { name: "批量导入" }).first().click();
  await expect(page.getByRole("heading", { name: "批量导入" })).toBeVisible();

  const [template] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "下载模板" }).click(),
  ]);
  expect((await sheetOf(await template.path()))[0]).toEqual(HEADERS);
  await page.screenshot({ path: `${SHOTS}/import-list.png`, fullPage: true });

  await upload(page, await xlsx(unions()));
  const counts = page.getByTestId("import-counts");
  await expect(counts).toHaveText("196 条新增，0 条变更，0 条无变化，4 条有错误", { timeout: 60_000 });
  await page.screenshot({ path: `${SHOTS}/import-preview.png`, fullPage: true });

  await page.getByRole("link", { name: /^错误/ }).click();
  await expect(page.getByText("上级工会：上级工会不在本单位管辖范围内")).toBeVisible();
  await expect(page.getByText(/类型：类型须为/)).toBeVisible();
  await expect(page.getByText("与第 151 行重复")).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/import-errors.png`, fullPage: true });

  const [report] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "下载错误报告" }).click(),
  ]);
  const reportRows = await sheetOf(await report.path());
  expect(reportRows[0]).toEqual([...HEADERS, "原行号", "错误"]);
  expect(reportRows.slice(1).map((r) => r[7])).toEqual(["51", "101", "151", "152"]);

  await page.getByRole("button", { name: "确认导入" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText("将新增 196 条、更新 0 条；4 条有错误的行不会导入");
  await page.screenshot({ path: `${SHOTS}/import-confirm.png`, fullPage: true });
  await dialog.getByRole("button", { name: "确认导入" }).click();
  await expect(counts).toHaveText("导入完成：新增 196 条，变更 0 条。", { timeout: 60_000 });
  await page.screenshot({ path: `${SHOTS}/import-done.png`, fullPage: true });

  await page.goto(`/orgs?q=${encodeURIComponent(`武昌区第170企业工会${RUN}`)}`);
  await expect(page.getByRole("link", { name: new RegExp(`武昌区第170企业工会${RUN}`) })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/import-orgs.png`, fullPage: true });

  // The same file again, at 360 px: nothing new, everything unchanged; then cancelled.
  await page.setViewportSize({ width: 360, height: 780 });
  await upload(page, await xlsx(unions()));
  await expect(counts).toHaveText("0 条新增，0 条变更，196 条无变化，4 条有错误", { timeout: 60_000 });
  await page.screenshot({ path: `${SHOTS}/import-preview-360.png`, fullPage: true });
  await page.getByRole("button", { name: "确认导入" }).click();
  await page.screenshot({ path: `${SHOTS}/import-confirm-360.png`, fullPage: true });
  await page.getByRole("dialog").getByRole("button", { name: "再看看" }).click();
  await page.getByRole("button", { name: "取消" }).click();
  await expect(page.getByText("已取消本次导入。")).toBeVisible();
  await page.goto("/imports");
  await expect(page.getByText("已取消")).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/import-list-360.png`, fullPage: true });
});
