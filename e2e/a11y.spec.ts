import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { loginAs } from "./fixtures/auth";
import { dayFromToday } from "./fixtures/dates";

// WCAG 2.1 AA as axe-core checks it, on the main pages, signed in as the people who use them,
// on a desktop and at 360 px.
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const VIEWPORTS = [
  { name: "desktop", size: { width: 1280, height: 800 } },
  { name: "360 px", size: { width: 360, height: 780 } },
];
// A measure no other spec uses, claimed by a Wuhan branch so that there is a task page to check.
const MEASURE = "3.3.1.7";

async function expectNoViolations(page: Page, what: string) {
  await page.waitForLoadState("networkidle");
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const found = violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} at ${v.nodes
        .map((n) => n.target.join(" "))
        .slice(0, 4)
        .join(" | ")}`,
  );
  expect(found, what).toEqual([]);
}

async function signInAs(page: Page, username: string) {
  await page.context().clearCookies();
  await loginAs(page, username);
}

/** The claimed task's page, claiming the measure when the branch has not yet. */
async function claimedTaskPath(page: Page): Promise<string> {
  await signInAs(page, "wuchang.chair");
  await page.goto(`/tasks?q=${MEASURE}`);
  const row = page.getByTestId("task-row").first();
  if (await row.count()) {
    await row.click();
  } else {
    await page.goto(`/tasks/claim?q=${MEASURE}`);
    await page.getByTestId("claimable").locator("li").first().getByRole("button", { name: "认领" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("计划完成日期").fill(dayFromToday(120));
    await dialog.getByRole("button", { name: "认领" }).click();
  }
  await expect(page).toHaveURL(/\/tasks\/\d+$/);
  return new URL(page.url()).pathname;
}

// Who looks at which pages: a branch (its task, the progress form with the camera and file controls,
// its lists) and a provincial federation (review, completion, 通报, orgs, objectives, users).
const GROUPS: { user: string; paths: (taskPath: string) => string[] }[] = [
  {
    user: "wuchang.chair",
    paths: (task) => [task, `${task}/progress`, "/my-tasks", "/tasks", "/notifications"],
  },
  { user: "hebei", paths: () => ["/", "/tasks", "/review", "/notifications", "/users", "/objectives"] },
  {
    user: "hebei",
    paths: () => [
      "/completion",
      "/completion?view=heatmap",
      "/completion?view=trend",
      "/completion/report",
      "/objectives/3.3.1",
      "/orgs",
    ],
  },
];

for (const vp of VIEWPORTS) {
  test.describe(`WCAG 2.1 AA at ${vp.name}`, () => {
    test.use({ viewport: vp.size });

    test("the sign-in page", async ({ page }) => {
      await page.goto("/login");
      await expectNoViolations(page, "/login");
    });

    GROUPS.forEach((g, i) => {
      test(`pages of ${g.user} (${i + 1})`, async ({ page }) => {
        test.setTimeout(150_000);
        const taskPath = g.user === "wuchang.chair" ? await claimedTaskPath(page) : "";
        await signInAs(page, g.user);
        for (const path of g.paths(taskPath)) {
          await page.goto(path);
          await expectNoViolations(page, `${g.user} ${path}`);
        }
        if (g.paths("").includes("/orgs")) {
          await page.locator("main ul a").first().click();
          await expect(page).toHaveURL(/\/orgs\/\d+/);
          await expectNoViolations(page, `${g.user} an org`);
        }
      });
    });
  });
}
