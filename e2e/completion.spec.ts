import { expect, test, type Page } from "@playwright/test";
import { loginAs } from "./fixtures/auth";
import { openAction, openTask } from "./fixtures/tasks";

// 完成情况 from the data this spec creates: one measure nobody else uses, given to the 22
// county federations of 石家庄 (one of them completes it) and, backfilled past due, to the
// 14 of 唐山 (all overdue). Every figure shown must follow from that.
test.describe.configure({ mode: "serial", retries: 0 });

const M = "3.6.2.1";
let hebeiId = 0;
let shijiazhuangId = 0;

async function assignToCounties(
  page: Page,
  { city, expected, due }: { city: string; expected: number; due?: string },
) {
  await page.goto("/tasks/new");
  await page.getByPlaceholder("筛选任务目标").fill(M);
  await page.getByTestId("objective-picker").getByText(M, { exact: true }).click();
  await page.getByLabel("范围", { exact: true }).selectOption({ label: city });
  await page.getByLabel("层级", { exact: true }).selectOption({ label: "县级工会" });
  if (due) {
    await page.getByLabel("截止日期").fill(due);
    await page.getByRole("button", { name: "确认下达" }).click();
    await page.getByText("确认补录").click();
  }
  await page.getByRole("button", { name: "确认下达" }).click();
  await expect(page.getByTestId("assign-result")).toContainText(`已下达 ${expected} 项任务`);
}

// The figures (the light counts column is checked on its own, with lights()).
const cells = (row: ReturnType<Page["getByTestId"]>) => row.locator("td:not([data-col=lights])");
const lights = (row: ReturnType<Page["getByTestId"]>) => row.locator("td[data-col=lights]");

test("setup: assign to two cities' counties; 正定 completes its task", async ({ page, browser }) => {
  await loginAs(page, "hebei");
  await assignToCounties(page, { city: "石家庄市总工会", expected: 22 });
  await assignToCounties(page, { city: "唐山市总工会", expected: 14, due: "2026-01-10" });

  const chair = await browser.newPage();
  await loginAs(chair, "zhengding.chair");
  await openTask(chair, M, "正定县总工会");
  await (await openAction(chair, "sign")).getByRole("button", { name: "签收" }).click();
  await expect(chair.locator(".status-badge").first()).toHaveText("办理中");
  const submit = await openAction(chair, "submit");
  await submit.getByLabel("办结情况").fill("已完成全县劳模工匠宣讲");
  await submit.getByRole("button", { name: "办结上报" }).click();
  await expect(chair.locator(".status-badge").first()).toHaveText("待审核");
  await chair.close();

  await openTask(page, M, "正定县总工会");
  await (await openAction(page, "approve")).getByRole("button", { name: "同意销号" }).click();
  await expect(page.locator(".status-badge").first()).toHaveText("已销号");
});

test("the province's region table shows each city's figures for the measure, and drills down", async ({
  page,
}) => {
  await loginAs(page, "hebei");
  await page.goto("/completion");
  await expect(page.getByRole("heading", { name: "河北省总工会 · 完成情况" })).toBeVisible();
  await page.getByLabel("任务范围").selectOption(M);
  await page.getByRole("button", { name: "查看", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`objective=${M.replace(/\./g, "\\.")}`));
  hebeiId = Number(new URL(page.url()).searchParams.get("org"));
  expect(hebeiId).toBeGreaterThan(0);

  await expect(page.getByTestId("tile-total")).toHaveText("36");
  await expect(page.getByTestId("tile-completionRate")).toHaveText("2.8%");
  await expect(page.getByTestId("tile-overdue")).toHaveText("14");
  const table = page.getByTestId("region-table");
  const sjz = table.locator("tbody tr").filter({ hasText: "石家庄市总工会" });
  // total, signed, in progress, completed, overdue, completion, on time, avg progress
  await expect(cells(sjz)).toHaveText(["22", "1", "0", "1", "0", "4.5%", "100.0%", "4.5%"]);
  const ts = table.locator("tbody tr").filter({ hasText: "唐山市总工会" });
  await expect(cells(ts)).toHaveText(["14", "0", "0", "0", "14", "0.0%", "—", "0.0%"]);
  // Lights: 石家庄's 21 open tasks are on time (green), its completed one has none; 唐山's 14 are overdue (red).
  await expect(lights(sjz)).toHaveText("红灯0黄灯0绿灯21");
  await expect(lights(ts)).toHaveText("红灯14黄灯0绿灯0");
  // 河北 gave the counties their tasks directly (nothing passed down): 本地区 = 下级单位合计, no 本级.
  const all = ["36", "1", "0", "1", "14", "2.8%", "100.0%", "2.8%"];
  await expect(cells(page.getByTestId("region-children-total"))).toHaveText(all);
  await expect(cells(page.getByTestId("region-self"))).toHaveText(all);
  await expect(page.getByTestId("region-own")).toHaveCount(0);
  await expect(table.locator("tbody tr")).toHaveCount(2); // only cities with tasks

  await sjz.getByRole("link", { name: "石家庄市总工会" }).click();
  await expect(page.getByRole("heading", { name: "石家庄市总工会 · 完成情况" })).toBeVisible();
  shijiazhuangId = Number(new URL(page.url()).searchParams.get("org"));
  await expect(page.getByTestId("region-table").locator("tbody tr")).toHaveCount(22);
  const zd = page.getByTestId("region-table").locator("tbody tr").filter({ hasText: "正定县总工会" });
  await expect(cells(zd)).toHaveText(["1", "1", "0", "1", "0", "100.0%", "100.0%", "100.0%"]);
  // Breadcrumb back up, scope kept.
  await page
    .getByRole("navigation", { name: "层级导航" })
    .getByRole("link", { name: "河北省总工会" })
    .click();
  await expect(page.getByTestId("tile-total")).toHaveText("36");
});

test("heatmap cells carry the rate and open the tasks behind them", async ({ page }) => {
  await loginAs(page, "hebei");
  await page.goto(`/completion?org=${hebeiId}&objective=3.6.2&view=heatmap`);
  const cell = page.getByTestId(`cell-${shijiazhuangId}-${M}`);
  await expect(cell).toHaveText("4.5%");
  await cell.click();
  // The tasks the figure counts (counted=1), said so above the list.
  await expect(page).toHaveURL(new RegExp(`/tasks\\?org=${shijiazhuangId}&counted=1&objective=`));
  await expect(page.getByTestId("counted-note")).toBeVisible();
  await expect(page.getByTestId("task-row")).toHaveCount(22);
});

test("nationally: the province tiles with the province table beside it, and the 通报 ranking", async ({
  page,
}) => {
  await loginAs(page, "acftu");
  await page.goto(`/completion?objective=${M}&view=map`);
  // No approved map is configured: 31 province tiles and no geographic map (nor a map file to fetch).
  const tiles = page.getByTestId("province-tile");
  await expect(tiles).toHaveCount(31);
  await expect(page.getByTestId("province-map")).toHaveCount(0);
  await expect(page.getByTestId("map-approval")).toHaveCount(0);
  await expect(page.locator("canvas")).toHaveCount(0);
  expect((await page.request.get("/api/map/geojson")).status()).toBe(404);
  expect((await page.request.get("/geo/china-provinces.json")).status()).toBe(404);
  // Beside the tiles, the compact table: total, completion, overdue.
  const hebei = page.getByTestId("region-table").locator("tbody tr").filter({ hasText: "河北省总工会" });
  await expect(cells(hebei)).toHaveText(["36", "2.8%", "14"]);
  // Each tile is a link named by its province and rate, coloured like the heatmap; 湖北 has no task here.
  const hebeiTile = page.getByRole("link", { name: "河北省总工会：完成率 2.8%" });
  await expect(hebeiTile).toHaveText("河北2.8%");
  await expect(page.getByRole("link", { name: "湖北省总工会：暂无任务" })).toHaveText("湖北—");
  // At 360 px the squares shrink, the names still fit and nothing scrolls sideways.
  await page.setViewportSize({ width: 360, height: 760 });
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
  ).toBeLessThanOrEqual(0);
  for (const name of ["黑龙江", "内蒙古"]) {
    const fits = await page
      .getByTestId("province-tile")
      .filter({ hasText: name })
      .evaluate((el) => {
        const label = el.firstElementChild as HTMLElement;
        return label.getBoundingClientRect().width <= el.getBoundingClientRect().width;
      });
    expect(fits, name).toBe(true);
  }
  await page.setViewportSize({ width: 1280, height: 800 });
  // Keyboard: focus the tile and open the province, scope kept, as a click on the map did.
  await hebeiTile.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "河北省总工会 · 完成情况" })).toBeVisible();
  expect(new URL(page.url()).searchParams.get("org")).toBe(String(hebeiId));
  expect(new URL(page.url()).searchParams.get("objective")).toBe(M);
  await page.goBack();
  await tiles.filter({ hasText: "河北" }).click();
  await expect(page.getByRole("heading", { name: "河北省总工会 · 完成情况" })).toBeVisible();
  // The trend's current week is the live figures (no objective scope: all tasks).
  await page.goto("/completion?view=trend");
  const total = (await page.getByTestId("tile-total").textContent())!;
  const liveWeek = page.getByTestId("trend-table").locator("tbody tr").first().locator("td").first();
  await expect(liveWeek).toHaveText(total);
  await expect(page.getByTestId("trend-chart").locator("canvas")).toBeVisible();
  // With a scope chosen, the trend still covers all tasks, and so do the tiles above it (they said 36
  // while the trend said more before): the page shows one set of figures and says so.
  await page.goto(`/completion?objective=${M}&view=trend`);
  await expect(page.getByTestId("trend-all-tasks")).toBeVisible();
  await expect(page.getByTestId("tile-total")).toHaveText(total);
  await expect(liveWeek).toHaveText(total);

  await page.goto(`/completion/report?org=${hebeiId}&objective=${M}`);
  const rows = page.getByTestId("bulletin-ranking").locator("tbody tr");
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText("1石家庄市总工会2214.5%");
  await expect(rows.nth(1)).toContainText("2唐山市总工会1400.0%");
  await expect(page.getByTestId("bulletin-summary")).toHaveText(
    "完成较好：石家庄市总工会。需要加快进度：唐山市总工会。",
  );
  await expect(page.getByTestId("bulletin")).toContainText(
    "河北省总工会本地区共下达、认领任务 36 项，已办结 1 项，完成率 2.8%；逾期未完成 14 项",
  );
  await expect(page.getByTestId("bulletin-region")).toHaveText("—本地区（上级所见）3612.8%2.8%100.0%14");
});

test("exports: the region table and the ledger as CSV (with BOM) and XLSX", async ({ page }) => {
  await loginAs(page, "hebei");
  const region = await page.request.get(`/api/exports/completion?org=${hebeiId}&objective=${M}&format=csv`);
  expect(region.status()).toBe(200);
  expect(region.headers()["content-disposition"]).toContain("attachment");
  const regionText = (await region.body()).toString("utf8");
  expect(regionText.charCodeAt(0)).toBe(0xfeff);
  const sjz = regionText.split("\r\n").find((l) => l.startsWith("石家庄市总工会,"));
  expect(sjz?.split(",").slice(1, 2)).toEqual(["22"]);

  const ledger = await page.request.get(`/api/exports/ledger?org=${hebeiId}&objective=${M}&format=csv`);
  expect(ledger.status()).toBe(200);
  const lines = (await ledger.body())
    .toString("utf8")
    .replace(/^\uFEFF/, "")
    .split("\r\n")
    .filter(Boolean);
  expect(lines).toHaveLength(1 + 36); // header + one row per task
  expect(lines.filter((l) => l.includes("正定县总工会") && l.includes("已销号"))).toHaveLength(1);

  const xlsx = await page.request.get(`/api/exports/ledger?org=${hebeiId}&objective=${M}&format=xlsx`);
  expect(xlsx.status()).toBe(200);
  expect(xlsx.headers()["content-type"]).toContain("spreadsheetml");
  expect((await xlsx.body()).subarray(0, 2).toString()).toBe("PK"); // a zip container
});

test("a county's table shows its branches' figures, from the tasks the spec gives them", async ({
  page,
  browser,
}) => {
  // 正定 passes the measure on to its 4 branches; 恒达 signs it and reports 60%.
  await loginAs(page, "zhengding");
  await page.goto("/tasks/new");
  await page.getByPlaceholder("筛选任务目标").fill(M);
  await page.getByTestId("objective-picker").getByText(M, { exact: true }).click();
  await page.getByLabel("层级", { exact: true }).selectOption({ label: "基层工会" });
  await page.getByRole("button", { name: "确认下达" }).click();
  await expect(page.getByTestId("assign-result")).toContainText("已下达 4 项任务");

  const chair = await browser.newPage();
  await loginAs(chair, "hengda.chair");
  const taskId = await openTask(chair, M, "正定县恒达机械有限公司工会");
  await (await openAction(chair, "sign")).getByRole("button", { name: "签收" }).click();
  await expect(chair.locator(".status-badge").first()).toHaveText("办理中");
  await chair.goto(`/tasks/${taskId}/progress`);
  await chair.getByRole("spinbutton", { name: "完成进度（%）" }).fill("60");
  await chair.getByLabel("进展情况").fill("已完成三场宣讲");
  await chair.getByRole("button", { name: "填报进展" }).click();
  await expect(chair.getByTestId("progress-history")).toContainText("60%");
  await chair.close();

  await page.goto(`/completion?objective=${M}`);
  await expect(page.getByRole("heading", { name: "正定县总工会 · 完成情况" })).toBeVisible();
  const table = page.getByTestId("region-table");
  await expect(cells(table.locator("tbody tr").filter({ hasText: "恒达" }))).toHaveText([
    "1",
    "1",
    "1",
    "0",
    "0",
    "0.0%",
    "—",
    "60.0%",
  ]);
  await expect(cells(table.locator("tbody tr").filter({ hasText: "润丰" }))).toHaveText([
    "1",
    "0",
    "0",
    "0",
    "0",
    "0.0%",
    "—",
    "0.0%",
  ]);
  // 本级: 正定's own task, completed in the setup. The branches' 4 tasks were given by 正定 (not passed
  // down from its task), so they count in 正定's region too: 本地区 = 4 + 1 = 5 tasks, (100 + 60) / 5 = 32%.
  await expect(cells(page.getByTestId("region-children-total"))).toHaveText([
    "4",
    "1",
    "1",
    "0",
    "0",
    "0.0%",
    "—",
    "15.0%",
  ]);
  await expect(cells(page.getByTestId("region-own"))).toHaveText([
    "1",
    "1",
    "0",
    "1",
    "0",
    "100.0%",
    "100.0%",
    "100.0%",
  ]);
  await expect(cells(page.getByTestId("region-self"))).toHaveText([
    "5",
    "2",
    "1",
    "1",
    "0",
    "20.0%",
    "100.0%",
    "32.0%",
  ]);
  // A branch row opens the branch's tasks.
  await table.getByRole("link", { name: "正定县恒达机械有限公司工会" }).click();
  await expect(page).toHaveURL(/\/tasks\?/);
  await expect(page.getByTestId("task-row").filter({ hasText: M })).toHaveCount(1);
});

test("a manager from another province cannot see Hebei's completion", async ({ page }) => {
  await loginAs(page, "hubei");
  for (const path of [`/completion?org=${hebeiId}`, `/completion/report?org=${hebeiId}`]) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(404);
  }
  for (const kind of ["completion", "ledger"]) {
    const res = await page.request.get(`/api/exports/${kind}?org=${hebeiId}&format=csv`);
    expect(res.status(), kind).toBe(404);
  }
  await page.goto(`/completion?objective=${M}`); // (cascade.spec gives 湖北 tasks of other measures)
  await expect(page.getByRole("heading", { name: "湖北省总工会 · 完成情况" })).toBeVisible();
  await expect(page.getByText("暂无下达的任务")).toBeVisible();
});
