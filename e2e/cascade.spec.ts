import { expect, test, type Browser, type Page } from "@playwright/test";
import { loginAs } from "./fixtures/auth";
import { openAction, openTask } from "./fixtures/tasks";

// 分解 (passing a task down) and the figures at every level: a chain counts once per region. A task
// counts in region R when its holder is in R and its parent task's holder is not; a parent's progress
// is the mean of its children's. Two measures nobody else uses, all data made here through the UI.
test.describe.configure({ mode: "serial", retries: 0 });

const M1 = "3.5.2.1"; // 全总 → 31 provinces; 河北 → the 22 counties of 石家庄; 正定 completes.
const M2 = "3.5.2.2"; // 全总 → 31 provinces; 河北 → 正定 alone; 正定 → its 4 branches; 恒达 completes.
const ZD = "正定县总工会";
const HENGDA = "正定县恒达机械有限公司工会";
// Region table cells: total, signed, in progress, completed, overdue, completion, on time, avg progress.
const PENDING = ["1", "0", "0", "0", "0", "0.0%", "—", "0.0%"];
const DONE = ["1", "1", "0", "1", "0", "100.0%", "100.0%", "100.0%"];

async function as(browser: Browser, user: string): Promise<Page> {
  const page = await browser.newPage();
  await loginAs(page, user);
  return page;
}

type TTarget = { under?: string; level?: string; org?: string };

/** 下达 from /tasks/new (with a measure), or 分解 on the page the task's 分解下达 opened (without). */
async function assign(
  page: Page,
  { measure, target, expected }: { measure?: string; target: TTarget; expected: number },
) {
  if (measure) {
    await page.goto("/tasks/new");
    await page.getByPlaceholder("筛选任务目标").fill(measure);
    await page.getByTestId("objective-picker").getByText(measure, { exact: true }).click();
  }
  if (target.org) {
    await page.getByRole("radio", { name: "指定单位" }).check();
    await page.getByRole("searchbox", { name: "搜索单位名称或代码" }).fill(target.org);
    await page.getByTestId("org-results").getByRole("checkbox", { name: target.org }).check();
  } else {
    if (target.under) await page.getByLabel("范围", { exact: true }).selectOption({ label: target.under });
    await page.getByLabel("层级", { exact: true }).selectOption({ label: target.level! });
  }
  await page.getByRole("button", { name: "确认下达" }).click();
  await expect(page.getByTestId("assign-result")).toContainText(`已下达 ${expected} 项任务`);
}

/** The holder signs its task of `measure` and passes it down (分解). */
async function signAndCascade(
  page: Page,
  {
    measure,
    holder,
    target,
    expected,
  }: { measure: string; holder: string; target: TTarget; expected: number },
) {
  await openTask(page, measure, holder);
  await (await openAction(page, "sign")).getByRole("button", { name: "签收" }).click();
  await expect(page.locator(".status-badge").first()).toHaveText("办理中");
  await page.getByTestId("action-cascade").click();
  await expect(page.getByRole("heading", { name: "分解下达" })).toBeVisible();
  await assign(page, { target, expected });
}

/** The holder signs and submits; the org that passed the task down approves it (销号). */
async function complete(
  { holderPage, reviewerPage }: { holderPage: Page; reviewerPage: Page },
  { measure, holder }: { measure: string; holder: string },
) {
  await openTask(holderPage, measure, holder);
  await (await openAction(holderPage, "sign")).getByRole("button", { name: "签收" }).click();
  await expect(holderPage.locator(".status-badge").first()).toHaveText("办理中");
  const submit = await openAction(holderPage, "submit");
  await submit.getByLabel("办结情况").fill("已按要求完成");
  await submit.getByRole("button", { name: "办结上报" }).click();
  await expect(holderPage.locator(".status-badge").first()).toHaveText("待审核");
  await openTask(reviewerPage, measure, holder);
  await (await openAction(reviewerPage, "approve")).getByRole("button", { name: "同意销号" }).click();
  await expect(reviewerPage.locator(".status-badge").first()).toHaveText("已销号");
}

const table = (page: Page) => page.getByTestId("region-table");
const row = (page: Page, name: string) =>
  table(page)
    .locator("tbody tr")
    .filter({ has: page.getByRole("link", { name }) });
// The figures without the light counts column (completion.spec checks that one).
const cells = (locator: ReturnType<Page["getByTestId"]>) => locator.locator("td:not([data-col=lights])");

async function openCompletion(page: Page, measure: string, heading: string) {
  await page.goto(`/completion?objective=${measure}`);
  await expect(page.getByRole("heading", { name: `${heading} · 完成情况` })).toBeVisible();
}

async function expectTiles(page: Page, [total, completionRate, avgProgress]: [string, string, string]) {
  await expect(page.getByTestId("tile-total")).toHaveText(total);
  await expect(page.getByTestId("tile-completionRate")).toHaveText(completionRate);
  await expect(page.getByTestId("tile-avgProgress")).toHaveText(avgProgress);
}

/** The table's closing lines; null = the line is not shown. */
async function expectFooter(
  page: Page,
  lines: { children: string[] | null; own: string[] | null; region: string[] | null },
) {
  for (const [id, want] of [
    ["region-children-total", lines.children],
    ["region-own", lines.own],
    ["region-self", lines.region],
  ] as const) {
    if (want) await expect(cells(page.getByTestId(id))).toHaveText(want);
    else await expect(page.getByTestId(id)).toHaveCount(0);
  }
}

test("setup: 全总 → 31 provinces → 河北 passes M1 down to 石家庄's 22 counties; 正定 completes", async ({
  browser,
}) => {
  const acftu = await as(browser, "acftu");
  await assign(acftu, { measure: M1, target: { level: "省级工会" }, expected: 31 });
  const hebei = await as(browser, "hebei");
  await signAndCascade(hebei, {
    measure: M1,
    holder: "河北省总工会",
    target: { under: "石家庄市总工会", level: "县级工会" },
    expected: 22,
  });
  // The county task was passed down by 河北, so 河北 reviews it (not 石家庄).
  const chair = await as(browser, "zhengding.chair");
  await complete({ holderPage: chair, reviewerPage: hebei }, { measure: M1, holder: ZD });
  for (const p of [acftu, hebei, chair]) await p.close();
});

test("M1 nationally: 31 tasks, none complete; 河北 counts its own task once, at 1/22 = 4.5%", async ({
  page,
}) => {
  await loginAs(page, "acftu");
  await openCompletion(page, M1, "中华全国总工会");
  // 31 province tasks; progress (100/22 + 30 × 0) / 31 = 0.147% → 0.1%.
  await expectTiles(page, ["31", "0.0%", "0.1%"]);
  await expect(table(page).locator("tbody tr")).toHaveCount(31);
  await expect(cells(row(page, "河北省总工会"))).toHaveText(["1", "1", "1", "0", "0", "0.0%", "—", "4.5%"]);
  await expect(cells(row(page, "北京市总工会"))).toHaveText(PENDING);
  // The root's figures are the sum of the provinces: no separate 本地区 line, no 本级.
  await expectFooter(page, {
    children: ["31", "1", "1", "0", "0", "0.0%", "—", "0.1%"],
    own: null,
    region: null,
  });
  await expect(page.getByTestId("counting-note")).toContainText("逐级分解的任务在每个地区只计一次");
  // The task list behind a figure lists what the figure counts: 河北's own task, not its 22 below.
  const drill = await row(page, "河北省总工会").getByRole("link").first().getAttribute("href");
  const hebeiId = new URL(drill!, "http://x").searchParams.get("org");
  await page.goto(`/tasks?org=${hebeiId}&counted=1&objective=${M1}`);
  await expect(page.getByTestId("counted-note")).toBeVisible();
  await expect(page.getByTestId("task-row")).toHaveCount(1);
  await page.getByTestId("counted-note").getByRole("link").click();
  await expect(page.getByTestId("task-row")).toHaveCount(23);

  // 通报: 河北 alone has progress; the other 30 tie at 0 and none of them is praised or singled out.
  await page.goto(`/completion/report?objective=${M1}`);
  const ranking = page.getByTestId("bulletin-ranking").locator("tbody tr");
  await expect(ranking).toHaveCount(31);
  await expect(ranking.nth(0)).toContainText("1河北省总工会100.0%4.5%");
  await expect(ranking.filter({ hasText: /^2/ })).toHaveCount(30);
  await expect(page.getByTestId("bulletin-summary")).toHaveText(
    "完成较好：河北省总工会。需要加快进度：30 个单位并列第 2 名，不逐一列出。",
  );
  await expect(page.getByTestId("bulletin")).toContainText(
    "全国共下达、认领任务 31 项，已办结 0 项，完成率 0.0%",
  );
});

test("M1 at 河北: region 1 task (4.5%); 石家庄's row counts the 22 county tasks, 1 completed", async ({
  page,
}) => {
  await loginAs(page, "hebei");
  await openCompletion(page, M1, "河北省总工会");
  await expectTiles(page, ["1", "0.0%", "4.5%"]);
  await expect(table(page).locator("tbody tr")).toHaveCount(1);
  const sjz = ["22", "1", "0", "1", "0", "4.5%", "100.0%", "4.5%"];
  await expect(cells(row(page, "石家庄市总工会"))).toHaveText(sjz);
  // 下级单位合计 (22) exceeds 本地区 (1): the 22 county tasks are 河北's one task passed down.
  const own = ["1", "1", "1", "0", "0", "0.0%", "—", "4.5%"];
  await expectFooter(page, { children: sjz, own, region: own });

  // The 通报 has the same lines, adds up with its text, and prints the 发文字号 given in the form.
  await page.goto(`/completion/report?objective=${M1}`);
  await page.getByLabel("发文字号").fill("冀工督〔2026〕3号");
  await page.getByRole("button", { name: "生成通报" }).click();
  await expect(page.getByTestId("bulletin-doc-no")).toHaveText("冀工督〔2026〕3号");
  await expect(page).toHaveURL(new RegExp(`objective=${M1.replace(/\./g, "\\.")}`));
  await expect(page.getByTestId("bulletin")).toContainText(
    "河北省总工会本地区共下达、认领任务 1 项，已办结 0 项，完成率 0.0%",
  );
  await expect(page.getByTestId("bulletin-ranking").locator("tbody tr")).toHaveText([
    "1石家庄市总工会2214.5%4.5%100.0%0",
  ]);
  await expect(page.getByTestId("bulletin-childTotal")).toHaveText("—下级单位合计2214.5%4.5%100.0%0");
  await expect(page.getByTestId("bulletin-own")).toHaveText("—本级100.0%4.5%—0");
  await expect(page.getByTestId("bulletin-region")).toHaveText("—本地区（上级所见）100.0%4.5%—0");
  await expect(page.getByTestId("bulletin-summary")).toHaveCount(0); // one unit: nobody to compare

  // The 发文字号 is text, never markup; too long is refused with a message and not printed.
  await page.goto(`/completion/report?objective=${M1}&docNo=${encodeURIComponent("<b>冀</b>")}`);
  await expect(page.getByTestId("bulletin-doc-no")).toHaveText("<b>冀</b>");
  await page.goto(`/completion/report?docNo=${"字".repeat(41)}`);
  await expect(page.getByRole("alert").filter({ hasText: "发文字号" })).toContainText("不超过 40 个字");
  await expect(page.getByTestId("bulletin-doc-no")).toHaveCount(0);
});

test("M1 at 石家庄 and at 正定: the 22 county tasks, and 正定's one", async ({ browser }) => {
  const sjzPage = await as(browser, "shijiazhuang");
  await openCompletion(sjzPage, M1, "石家庄市总工会");
  await expectTiles(sjzPage, ["22", "4.5%", "4.5%"]);
  await expect(table(sjzPage).locator("tbody tr")).toHaveCount(22);
  await expect(cells(row(sjzPage, ZD))).toHaveText(DONE);
  await expect(cells(row(sjzPage, "井陉县总工会"))).toHaveText(PENDING);
  // Same figures as in 河北's row for 石家庄.
  const sjz = ["22", "1", "0", "1", "0", "4.5%", "100.0%", "4.5%"];
  await expectFooter(sjzPage, { children: sjz, own: null, region: sjz });
  await sjzPage.close();

  const zd = await as(browser, "zhengding");
  await openCompletion(zd, M1, ZD);
  await expectTiles(zd, ["1", "100.0%", "100.0%"]);
  await expect(table(zd).locator("tbody tr")).toHaveCount(0); // the branches hold no M1 task
  await expectFooter(zd, {
    children: ["0", "0", "0", "0", "0", "—", "—", "—"],
    own: DONE,
    region: DONE,
  });
  await zd.close();
});

test("setup: a four-level chain 全总 → 河北 → 正定 → its 4 branches; 恒达 completes", async ({ browser }) => {
  const acftu = await as(browser, "acftu");
  await assign(acftu, { measure: M2, target: { level: "省级工会" }, expected: 31 });
  const hebei = await as(browser, "hebei");
  // Straight to the county, past the city.
  await signAndCascade(hebei, { measure: M2, holder: "河北省总工会", target: { org: ZD }, expected: 1 });
  const zd = await as(browser, "zhengding");
  await signAndCascade(zd, { measure: M2, holder: ZD, target: { level: "基层工会" }, expected: 4 });
  const chair = await as(browser, "hengda.chair");
  // 正定 passed it down, so 正定 reviews it.
  await complete({ holderPage: chair, reviewerPage: zd }, { measure: M2, holder: HENGDA });
  for (const p of [acftu, hebei, zd, chair]) await p.close();
});

test("M2 at every level: each chain counted once per region, progress derived up the chain", async ({
  browser,
}) => {
  // By hand: 恒达 100, the 3 other branches 0 → 正定's task (4 children) = (100 + 0 + 0 + 0) / 4 = 25%;
  // 河北's task (1 child: 正定's) = 25%. Branch tasks count only in their branch's region (their parent,
  // 正定's task, is held inside every larger region); 正定's task counts in 正定 and 石家庄 (its parent is
  // held by 河北); 河北's task counts in 河北 and nationally.
  const inProgress25 = ["1", "1", "1", "0", "0", "0.0%", "—", "25.0%"];

  // National: 31 province tasks, (25 + 30 × 0) / 31 = 0.806% → 0.8%.
  const acftu = await as(browser, "acftu");
  await openCompletion(acftu, M2, "中华全国总工会");
  await expectTiles(acftu, ["31", "0.0%", "0.8%"]);
  await expect(cells(row(acftu, "河北省总工会"))).toHaveText(inProgress25);
  await expectFooter(acftu, {
    children: ["31", "1", "1", "0", "0", "0.0%", "—", "0.8%"],
    own: null,
    region: null,
  });
  await acftu.close();

  // 河北: its own task once (25%); the one city with a task, 石家庄, counts 正定's task.
  const hebei = await as(browser, "hebei");
  await openCompletion(hebei, M2, "河北省总工会");
  await expectTiles(hebei, ["1", "0.0%", "25.0%"]);
  await expect(table(hebei).locator("tbody tr")).toHaveCount(1);
  await expect(cells(row(hebei, "石家庄市总工会"))).toHaveText(inProgress25);
  await expectFooter(hebei, { children: inProgress25, own: inProgress25, region: inProgress25 });
  await hebei.close();

  // 石家庄: holds nothing itself; its one county with a task is 正定 (25%).
  const sjz = await as(browser, "shijiazhuang");
  await openCompletion(sjz, M2, "石家庄市总工会");
  await expectTiles(sjz, ["1", "0.0%", "25.0%"]);
  await expect(table(sjz).locator("tbody tr")).toHaveCount(1);
  await expect(cells(row(sjz, ZD))).toHaveText(inProgress25);
  await expectFooter(sjz, { children: inProgress25, own: null, region: inProgress25 });
  await sjz.close();

  // 正定: its own task (25%, what 石家庄 sees); the 4 branches count the 4 tasks passed down to them:
  // 4 tasks, 1 completed on time, (100 + 0 + 0 + 0) / 4 = 25%.
  const zd = await as(browser, "zhengding");
  await openCompletion(zd, M2, ZD);
  await expectTiles(zd, ["1", "0.0%", "25.0%"]);
  await expect(table(zd).locator("tbody tr")).toHaveCount(4);
  await expect(cells(row(zd, HENGDA))).toHaveText(DONE);
  await expect(cells(row(zd, "正定县润丰食品有限公司工会"))).toHaveText(PENDING);
  await expectFooter(zd, {
    children: ["4", "1", "0", "1", "0", "25.0%", "100.0%", "25.0%"],
    own: inProgress25,
    region: inProgress25,
  });
  // 基层: a branch row opens the branch's tasks: its one M2 task, completed.
  await row(zd, HENGDA).getByRole("link", { name: HENGDA }).click();
  await expect(zd).toHaveURL(/\/tasks\?/);
  const tasks = zd.getByTestId("task-row").filter({ hasText: M2 });
  await expect(tasks).toHaveCount(1);
  await expect(tasks).toContainText("已销号");
  await zd.close();
});
