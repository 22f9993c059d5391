import { expect, test } from "@playwright/test";
import { loginAs } from "./fixtures/auth";
import { PNG, expectToast, openAction, openTask } from "./fixtures/tasks";

// One task through its whole life, as the people who do the work would click it.
// Serial: each step builds on the previous one's data.
test.describe.configure({ mode: "serial", retries: 0 });

const MEASURE = "3.2.2.1";
let taskId = 0;
let attachmentId = 0;

test("a provincial manager assigns a measure to every county federation of 石家庄", async ({ page }) => {
  await loginAs(page, "hebei");
  await page.goto("/tasks/new");
  await page.getByPlaceholder("筛选任务目标").fill(MEASURE);
  await page.getByTestId("objective-picker").getByText(MEASURE).click();
  await expect(page.getByTestId("measure-count")).toHaveText("已选 1 项具体举措");
  await page.getByLabel("范围", { exact: true }).selectOption({ label: "石家庄市总工会" });
  await page.getByLabel("层级", { exact: true }).selectOption({ label: "县级工会" });
  await page.getByRole("button", { name: "确认下达" }).click();
  await expect(page.getByTestId("assign-result")).toContainText("已下达 22 项任务");
  // A second click on the same (already submitted) form creates a new batch: nobody gets the measure twice.
  await page.getByRole("button", { name: "确认下达" }).click();
  await expect(page.getByTestId("assign-result")).toContainText("已下达 0 项任务");
  await expect(page.getByTestId("assign-result")).toContainText("另有 22 项");
  await page.goto(`/tasks?q=${MEASURE}`);
  await expect(page.getByTestId("task-row")).toHaveCount(22);
});

test("the county chair signs for it and names the responsible staff member", async ({ page }) => {
  await loginAs(page, "zhengding.chair");
  taskId = await openTask(page, MEASURE, "正定县总工会");
  await expect(page.locator(".status-badge").first()).toHaveText("待签收");
  const sign = await openAction(page, "sign");
  await sign.getByRole("button", { name: "签收" }).click();
  await expectToast(page);
  await expect(page.locator(".status-badge").first()).toHaveText("办理中");
  const staff = await openAction(page, "assignStaff");
  await staff.getByLabel("责任人").selectOption({ label: "正定县总工会干部" });
  await staff.getByRole("button", { name: "提交" }).click();
  await expect(page.getByTestId("responsible")).toHaveText("正定县总工会干部");
  await expect(page.getByTestId("timeline")).toContainText("签收");
  await expect(page.getByTestId("timeline")).toContainText("指定承办人");
});

test("the staff member logs 50% with a photo, then 100%, from 我的任务", async ({ page }) => {
  await loginAs(page, "zhengding.staff");
  await page.goto("/my-tasks");
  const card = page.getByTestId("my-tasks").locator("li").filter({ hasText: MEASURE });
  await card.getByRole("link", { name: "填报进展" }).click();
  await expect(page.getByRole("heading", { name: "填报进展" })).toBeVisible();
  // The upload needs the hydrated page, so the fields are typed into after it.
  await page
    .getByTestId("evidence-file-input")
    .setInputFiles({ name: "现场照片.png", mimeType: "image/png", buffer: PNG });
  const thumb = page.getByTestId("evidence-item").first();
  await expect(thumb).toHaveAttribute("data-attachment-id", /\d+/);
  attachmentId = Number(await thumb.getAttribute("data-attachment-id"));
  await page.getByRole("spinbutton", { name: "完成进度（%）" }).fill("50");
  await page.getByLabel("进展情况").fill("已组织全县 12 家企业开展技能竞赛初赛");
  await page.getByRole("button", { name: "填报进展" }).click();
  await expect(page).toHaveURL(new RegExp(`/tasks/${taskId}$`));
  const history = page.getByTestId("progress-history");
  await expect(history).toContainText("50%");
  await expect(history.locator("img")).toHaveCount(1);
  const img = await page.request.get(`/api/attachments/${attachmentId}?thumb=1`);
  expect(img.status()).toBe(200);
  expect(img.headers()["content-type"]).toMatch(/^image\//);

  // From the task page, as a user would (a fresh page.goto could be typed into before it hydrates).
  await page.getByRole("link", { name: "填报进展" }).click();
  await expect(page.getByRole("heading", { name: "填报进展" })).toBeVisible();
  await page.getByRole("spinbutton", { name: "完成进度（%）" }).fill("100");
  await page.getByLabel("进展情况").fill("决赛完成，评出技术能手 5 名");
  await page.getByRole("button", { name: "填报进展" }).click();
  await expect(page.getByTestId("progress-history")).toContainText("100%");
});

test("the chair reports completion; the manager returns it with a reason", async ({ page, browser }) => {
  await loginAs(page, "zhengding.chair");
  await page.goto(`/tasks/${taskId}`);
  const submit = await openAction(page, "submit");
  await submit.getByLabel("办结情况").fill("已按要求完成劳动和技能竞赛组织工作");
  await submit.getByRole("button", { name: "办结上报" }).click();
  await expect(page.locator(".status-badge").first()).toHaveText("待审核");

  const manager = await browser.newPage();
  await loginAs(manager, "hebei");
  await manager.goto("/review");
  const item = manager.getByTestId("review-submitted").locator("li").filter({ hasText: "正定县总工会" });
  await expect(item).toContainText("已按要求完成劳动和技能竞赛组织工作");
  await item.getByRole("link", { name: "去审核" }).click();
  const ret = await openAction(manager, "return");
  await ret.getByRole("button", { name: "退办" }).click();
  await expect(ret.getByText("请填写原因（至少 2 个字）")).toBeVisible();
  await ret.getByLabel("退办原因").fill("请补充获奖名单");
  await ret.getByRole("button", { name: "退办" }).click();
  await expect(manager.locator(".status-badge").first()).toHaveText("办理中");
  await manager.close();

  await page.reload();
  await expect(page.getByTestId("last-reason")).toContainText("请补充获奖名单");
  // The chair is told: unread count in the header, the message in the centre, one tap back to the task.
  await expect(page.getByTestId("unread-count")).toBeVisible();
  await page.getByTestId("notification-bell").click();
  const note = page
    .getByTestId("notification-list")
    .locator("[data-unread]")
    .filter({ hasText: "被退办：请补充获奖名单" });
  await expect(note).toBeVisible();
  await note.click();
  await expect(page).toHaveURL(new RegExp(`/tasks/${taskId}$`));
  await page.goto("/notifications?unread=1");
  await expect(page.getByText("被退办：请补充获奖名单")).toHaveCount(0);
});

test("it is fixed and resubmitted, and the manager approves it (销号)", async ({ page, browser }) => {
  await loginAs(page, "zhengding.chair");
  await page.goto(`/tasks/${taskId}`);
  const submit = await openAction(page, "submit");
  await submit.getByLabel("办结情况").fill("已补充获奖名单，请审核");
  await submit.getByRole("button", { name: "办结上报" }).click();
  await expect(page.locator(".status-badge").first()).toHaveText("待审核");

  const manager = await browser.newPage();
  await loginAs(manager, "hebei");
  await manager.goto(`/tasks/${taskId}`);
  const approve = await openAction(manager, "approve");
  await approve.getByRole("button", { name: "同意销号" }).click();
  await expect(manager.locator(".status-badge").first()).toHaveText("已销号");
  const timeline = manager.getByTestId("timeline");
  for (const step of ["下达任务", "签收", "指定承办人", "填报进展", "办结上报", "退办", "同意销号"])
    await expect(timeline).toContainText(step);
  // The photo reads as evidence added; nothing reads as a change from nothing to nothing.
  await expect(timeline).toContainText("新增佐证材料 1 份");
  await expect(timeline).not.toContainText("— → —");
  await manager.close();
});

test("a user from another province cannot open, download or upload to it", async ({ page }) => {
  await loginAs(page, "hubei");
  const res = await page.goto(`/tasks/${taskId}`);
  expect(res?.status()).toBe(404);
  await expect(page.locator("body")).not.toContainText(MEASURE);
  expect((await page.request.get(`/api/attachments/${attachmentId}`)).status()).toBe(404);
  expect((await page.request.get(`/api/attachments/${attachmentId}?thumb=1`)).status()).toBe(404);
  const upload = await page.request.post(`/api/tasks/${taskId}/attachments`, {
    multipart: { purpose: "progress", file: { name: "x.png", mimeType: "image/png", buffer: PNG } },
  });
  expect([403, 404]).toContain(upload.status());
  await page.goto(`/tasks?q=${MEASURE}`);
  await expect(page.getByText("暂无符合条件的任务")).toBeVisible();
});
