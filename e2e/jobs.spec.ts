import { expect, test } from "@playwright/test";
import { loginAs } from "./fixtures/auth";

// 定时任务 (/system/jobs): the 系统管理员 sees every scheduled job and runs one now. On PostgreSQL the
// run is queued through pg-boss and a worker of the server takes it within seconds; on embedded
// PGlite it runs during the request. Either way a new run (手动) appears.

test("the 系统管理员 opens 定时任务, runs a job now and sees the new run", async ({ page }) => {
  await loginAs(page, "admin");
  await page.goto("/");
  await page.getByRole("link", { name: "定时任务" }).first().click();
  await expect(page).toHaveURL(/\/system\/jobs$/);
  await expect(page.getByRole("heading", { name: "定时任务", level: 1 })).toBeVisible();
  await expect(page.getByTestId("job-list").locator(":scope > li")).toHaveCount(9);
  await expect(page.getByRole("heading", { name: "任务到期提醒" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "定期报送日历" })).toBeVisible();

  // An hourly job whose scheduled run is not due in the next minutes: a scheduled run right after the
  // manual one would become the card's last run (seen in CI at :37 with job-runs-prune).
  const minute = new Date().getMinutes();
  const hourly = [
    ["job-runs-prune", 37],
    ["password-sheet-sweep", 17],
    ["upload-cleanup", 7],
  ] as const;
  const [job] = hourly.find(([, at]) => (at - minute + 60) % 60 > 3 && (minute - at + 60) % 60 > 1)!;
  const card = page.getByTestId(`job-${job}`);
  const before = (await card.getByTestId("last-run").textContent()) ?? "";
  await card.getByRole("button", { name: "立即运行" }).click();
  await expect(page.getByText(/已加入队列|已运行完成/)).toBeVisible();
  // The queued run lands within a few polls of a worker; reload until the card shows it.
  await expect(async () => {
    await page.reload();
    const last = card.getByTestId("last-run");
    await expect(last).toContainText("手动");
    await expect(last).toContainText("成功");
    expect(await last.textContent()).not.toBe(before);
  }).toPass({ timeout: 30_000 });

  // 360 px: the cards wrap, nothing scrolls sideways.
  await page.setViewportSize({ width: 360, height: 780 });
  await page.reload();
  await expect(card.getByRole("button", { name: "立即运行" })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test("a 督办员 has no 定时任务: no menu entry, and the page refuses", async ({ page }) => {
  await loginAs(page, "hebei");
  await page.goto("/");
  await expect(page.getByRole("link", { name: "定时任务" })).toHaveCount(0);
  await page.goto("/system/jobs");
  await expect(page).toHaveURL(/\/forbidden/);
});

test("the 安全管理员 and the 安全审计员 cannot open 定时任务 either (三员分立)", async ({ page }) => {
  for (const who of ["secadmin", "auditor"]) {
    await loginAs(page, who);
    await page.goto("/system/jobs");
    await expect(page, who).toHaveURL(/\/forbidden/);
    await page.context().clearCookies();
  }
});
