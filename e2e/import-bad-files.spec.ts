import { expect, test, type Page } from "@playwright/test";
import { ORG_HEADERS, xlsxOf, zipBombOf } from "../tests/helpers/import-files";
import { loginAs } from "./fixtures/auth";
import { expectNoOverflow, uploadFile } from "./fixtures/imports";

// Bad files in the browser: the 武昌区 manager uploads a sheet of another layout and a zip bomb named
// .xlsx. Each job page says what is wrong in plain words, offers no commit, and nothing reaches the
// org tree. The integration test (tests/integration/import-bad-files.test.ts) covers the whole list.
const SHOTS = process.env.SHOTS_DIR ?? "test-results/shots";
const RUN = `B${Date.now().toString(36).toUpperCase()}`;
const UNION = `武昌区坏文件工会${RUN}`;
const ROW = [UNION, `${RUN}-001`, "420106", "企业", 12, "", ""];

async function expectRefused(page: Page, message: string | RegExp) {
  const alert = page.getByRole("alert").filter({ hasText: message });
  await expect(alert).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText("失败").first()).toBeVisible();
  await expect(page.getByTestId("import-counts")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "确认导入" })).toHaveCount(0);
}

async function expectNoUnion(page: Page) {
  await page.goto(`/orgs?q=${encodeURIComponent(RUN)}`);
  await expect(page.getByRole("link", { name: new RegExp(RUN) })).toHaveCount(0);
}

for (const phone of [false, true]) {
  test.describe(phone ? "at 360 px" : "at desktop width", () => {
    if (phone) test.use({ viewport: { width: 360, height: 780 } });
    const suffix = phone ? "-360" : "";

    test("a sheet of another layout is a wrong template, and nothing is written", async ({ page }) => {
      await loginAs(page, "wuchang");
      const headers = ["单位名称", "统一代码", "上级单位", "类型", "会员人数", "工会主席", "联系方式"];
      await uploadFile(page, { name: "基层工会.xlsx", body: await xlsxOf([headers, ROW]) });
      await expectRefused(page, /^模板不符：缺少列 工会名称、工会代码、上级工会。请下载最新模板。$/);
      await page.screenshot({ path: `${SHOTS}/import-wrong-template${suffix}.png`, fullPage: true });
      if (phone) await expectNoOverflow(page);
      await expectNoUnion(page);
    });

    test("a zip bomb named .xlsx is refused as such, and nothing is written", async ({ page }) => {
      await loginAs(page, "wuchang");
      const bomb = await zipBombOf(await xlsxOf([ORG_HEADERS, ROW]));
      await uploadFile(page, { name: "基层工会.xlsx", body: bomb });
      await expectRefused(page, "文件解压后体积异常（疑似压缩炸弹），已拒绝。");
      await page.screenshot({ path: `${SHOTS}/import-zip-bomb${suffix}.png`, fullPage: true });
      if (phone) await expectNoOverflow(page);
      await expectNoUnion(page);
    });
  });
}
