import ExcelJS from "exceljs";
import { expect, test, type Page } from "@playwright/test";
import { loginAs, tryLogin } from "./fixtures/auth";
import { openAction, openTask } from "./fixtures/tasks";

// Issue 13, "a real federation moves in", for people: the 武昌区 county manager imports two grassroots
// unions and then a people file with their chairs (and two bad rows), downloads the one-time 初始密码单,
// assigns a task to one of the new unions; the new chair signs in with the initial password, must set
// their own, and signs for the task. 武昌 (not 正定): other specs count 正定's four demo unions.
test.describe.configure({ mode: "serial", retries: 0 });

const MEASURE = "3.6.3.1";
const UNION_A = "武昌区启航电子有限公司工会";
const UNION_B = "武昌区紫阳社区工会";
const CHAIR = { name: "秦启航", username: "wc.imp.chair" };
let initialPassword = "";

async function shoot(page: Page, name: string) {
  if (!process.env.SCREENSHOTS) return;
  const dir = process.env.SHOTS_DIR ?? "test-results/shots";
  const size = page.viewportSize();
  await page.setViewportSize({ width: 1280, height: 860 });
  await page.screenshot({ path: `${dir}/people-${name}-desktop.png`, fullPage: true });
  await page.setViewportSize({ width: 360, height: 780 });
  await page.screenshot({ path: `${dir}/people-${name}-phone.png`, fullPage: true });
  if (size) await page.setViewportSize(size);
}

async function xlsx(rows: (string | number)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Sheet1");
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Uploads a file of `kind` (its Chinese name) and waits for the preview. */
async function upload(page: Page, { kind, name, body }: { kind: string; name: string; body: Buffer }) {
  await page.goto("/imports");
  const select = page.getByLabel("导入内容");
  if (await select.count()) await select.selectOption({ label: kind });
  await page.locator('input[name="file"]').setInputFiles({
    name,
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer: body,
  });
  await page.getByRole("button", { name: "上传并预览" }).click();
  await expect(page).toHaveURL(/\/imports\/\d+/);
  await expect(page.getByTestId("import-counts")).toBeVisible({ timeout: 30_000 });
}

async function commit(page: Page) {
  await page.getByRole("button", { name: "确认导入" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "确认导入" }).click();
  await expect(page.getByTestId("import-counts")).toContainText("导入完成", { timeout: 30_000 });
}

test("a county manager imports two unions, then their chairs, and takes the one-time password sheet", async ({
  page,
}) => {
  test.slow();
  await loginAs(page, "wuchang");
  await upload(page, {
    kind: "基层工会",
    name: "基层工会.xlsx",
    body: await xlsx([
      ["工会名称", "工会代码", "上级工会", "类型", "会员人数", "工会主席", "联系方式"],
      [UNION_A, "4201068801", "420106", "企业", 230, CHAIR.name, "027-88000001"],
      [UNION_B, "4201068802", "湖北省总工会/武汉市总工会/武汉市武昌区总工会", "街道社区", 60, "夏紫阳", ""],
    ]),
  });
  await expect(page.getByTestId("import-counts")).toContainText("2 条新增");
  await commit(page);

  await upload(page, {
    kind: "人员",
    name: "人员.xlsx",
    body: await xlsx([
      ["姓名", "用户名", "手机号", "所属工会", "角色"],
      [CHAIR.name, CHAIR.username, "13900000001", "4201068801", "基层工会主席"],
      ["夏紫阳", "wc.imp.xia", "", `武汉市武昌区总工会/${UNION_B}`, "主席"],
      ["周干事", "wc.imp.zhou", "13900000003", "4201068801", "工会干部"],
      ["错角色", "wc.imp.bad", "", "4201068801", "系统管理员"],
      ["外省人", "wc.imp.far", "", "1301230001", "工会干部"],
    ]),
  });
  await expect(page.getByTestId("import-counts")).toHaveText("3 条新增，0 条变更，0 条无变化，2 条有错误");
  await shoot(page, "preview");
  await commit(page);

  // The sheet: only here, only once.
  const panel = page.getByTestId("password-sheet");
  await expect(panel).toContainText("本次导入新建了 3 个账号");
  await shoot(page, "sheet");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    panel.getByRole("link", { name: "下载初始密码单" }).click(),
  ]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(await download.path());
  const ws = wb.worksheets[0]!;
  expect((ws.getRow(1).values as string[]).slice(1)).toEqual(["姓名", "用户名", "所属工会", "初始密码"]);
  const line = (ws.getRow(2).values as string[]).slice(1);
  expect(line.slice(0, 3)).toEqual([CHAIR.name, CHAIR.username, UNION_A]);
  initialPassword = line[3]!;
  expect(initialPassword).toMatch(/^[A-Za-z0-9]{16}$/);

  await expect(panel).toContainText("初始密码单已于", { timeout: 10_000 });
  await shoot(page, "sheet-downloaded");
  const again = await page.request.get(
    page.url().replace(/\/imports\/(\d+).*/, "/api/imports/$1/password-sheet"),
  );
  expect(again.status()).toBe(404);
});

test("the manager assigns a task to a new union; its chair sets a password at first sign-in and signs for it", async ({
  page,
  browser,
}) => {
  test.slow();
  await loginAs(page, "wuchang");
  await page.goto("/tasks/new");
  await page.getByPlaceholder("筛选任务目标").fill(MEASURE);
  await page.getByTestId("objective-picker").getByText(MEASURE, { exact: true }).click();
  await page.getByRole("radio", { name: "指定单位" }).check();
  await page.getByPlaceholder("搜索单位名称或代码").fill("4201068801");
  await page.getByTestId("org-results").getByText(UNION_A).click();
  await page.getByRole("button", { name: "确认下达" }).click();
  await expect(page.getByTestId("assign-result")).toContainText("已下达 1 项任务");

  const chair = await browser.newPage();
  await loginAs(chair, CHAIR.username, initialPassword);
  await chair.goto("/my-tasks");
  await expect(chair).toHaveURL(/\/account\/password$/);
  await expect(chair.getByTestId("must-change-password")).toBeVisible();
  await shoot(chair, "first-sign-in");
  await chair.getByLabel("当前密码").fill(initialPassword);
  await chair.getByLabel("新密码", { exact: true }).fill("Qihang#2026");
  await chair.getByLabel("确认新密码").fill("Qihang#2026");
  await chair.getByRole("button", { name: "修改密码" }).click();
  await expect(chair.getByRole("heading", { name: `您好，${CHAIR.name}` })).toBeVisible();

  await openTask(chair, MEASURE, UNION_A);
  await (await openAction(chair, "sign")).getByRole("button", { name: "签收" }).click();
  await expect(chair.locator(".status-badge").first()).toHaveText("办理中");
  await chair.close();

  // The initial password is spent.
  const other = await browser.newPage();
  expect(await tryLogin(other, CHAIR.username, initialPassword)).toBe(false);
  await other.close();
});

test("the people export re-imports as all unchanged", async ({ page }) => {
  await loginAs(page, "wuchang");
  await page.goto("/users");
  await shoot(page, "users");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "导出人员" }).click(),
  ]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(await download.path());
  const ws = wb.worksheets[0]!;
  expect((ws.getRow(1).values as string[]).slice(1)).toEqual([
    "姓名",
    "用户名",
    "手机号",
    "所属工会",
    "角色",
  ]);
  const rows: string[][] = [];
  ws.eachRow((row) => void rows.push((row.values as string[]).slice(1)));
  expect(rows).toContainEqual([CHAIR.name, CHAIR.username, "13900000001", "4201068801", "基层工会主席"]);
  await upload(page, { kind: "人员", name: "导出.xlsx", body: Buffer.from(await wb.xlsx.writeBuffer()) });
  await expect(page.getByTestId("import-counts")).toHaveText(
    `0 条新增，0 条变更，${rows.length - 1} 条无变化，0 条有错误`,
  );
});
