import { test } from "@playwright/test";
import { loginAs } from "./fixtures/auth";

// Not part of `npm test`: `SCREENSHOTS=1 npx playwright test --project=screenshots`
// writes desktop and 360 px screenshots of the main pages to SHOTS_DIR for review.
const dir = process.env.SHOTS_DIR ?? "test-results/shots";
// `open` clicks the first element with that test id first (e.g. a task row), for pages with generated ids.
const shots: { name: string; user?: string; path: string; open?: string[]; locale?: string }[] = [
  { name: "login", path: "/login" },
  { name: "home-manager", user: "hebei", path: "/" },
  { name: "home-staff", user: "hengda.staff", path: "/" },
  { name: "objectives", user: "hebei", path: "/objectives" },
  { name: "objectives-search", user: "hebei", path: "/objectives?q=职工书屋" },
  { name: "objective-detail", user: "hebei", path: "/objectives/3.2.2" },
  { name: "objectives-search-measures", user: "hebei", path: "/objectives?q=智慧工会" },
  { name: "objective-measure-tasks", user: "hebei", path: "/objectives/3.1.2.1" },
  { name: "objective-measure-en", user: "hebei", path: "/objectives/3.1.2.1", locale: "en" },
  { name: "objective-measure-empty", user: "hubei", path: "/objectives/3.1.2.1" },
  { name: "tasks-new-national", user: "acftu", path: "/tasks/new" },
  { name: "orgs", user: "hebei", path: "/orgs" },
  { name: "orgs-search", user: "admin", path: "/orgs?q=朝阳区" },
  { name: "users", user: "hebei", path: "/users" },
  { name: "users-new", user: "hebei", path: "/users/new" },
  { name: "account-password", user: "zhengding.staff", path: "/account/password" },
  { name: "not-found", user: "hubei", path: "/orgs/999999" },
  { name: "tasks", user: "hebei", path: "/tasks" },
  { name: "tasks-empty", user: "hubei", path: "/tasks" },
  { name: "tasks-new", user: "hebei", path: "/tasks/new" },
  { name: "task-detail-manager", user: "hebei", path: "/tasks?q=3.2.2.1&org=", open: ["task-row"] },
  { name: "task-detail-chair", user: "zhengding.chair", path: "/tasks?q=3.2.3.2", open: ["task-row"] },
  { name: "my-tasks", user: "zhengding.staff", path: "/my-tasks?done=1" },
  { name: "my-tasks-chair", user: "zhengding.chair", path: "/my-tasks" },
  { name: "review", user: "hebei", path: "/review" },
  { name: "claim", user: "hengda.chair", path: "/tasks/claim" },
  { name: "home-chair", user: "zhengding.chair", path: "/" },
  {
    name: "progress-form",
    user: "hengda.chair",
    path: "/tasks?kind=CLAIMED",
    open: ["task-row", "action-logProgress"],
  },
  { name: "task-detail-en", user: "hebei", path: "/tasks?q=3.2.3.2", open: ["task-row"], locale: "en" },
  { name: "notifications", user: "zhengding.chair", path: "/notifications" },
  { name: "completion", user: "hebei", path: "/completion" },
  { name: "completion-measure", user: "hebei", path: "/completion?objective=3.6.2.1" },
  { name: "completion-county", user: "zhengding", path: "/completion" },
  { name: "completion-county-heatmap", user: "zhengding", path: "/completion?view=heatmap" },
  { name: "completion-heatmap", user: "hebei", path: "/completion?view=heatmap" },
  { name: "completion-map", user: "acftu", path: "/completion?view=map" },
  { name: "completion-map-measure", user: "acftu", path: "/completion?view=map&objective=3.6.2.1" },
  { name: "completion-map-en", user: "acftu", path: "/completion?view=map", locale: "en" },
  { name: "completion-trend", user: "hebei", path: "/completion?view=trend" },
  // cascade.spec gives 湖北 tasks of other measures: empty for the measure completion.spec uses.
  { name: "completion-empty", user: "hubei", path: "/completion?objective=3.6.2.1" },
  { name: "completion-report", user: "hebei", path: "/completion/report" },
  // Issue #10's example (cascade.spec): passed-down tasks counted once per region, at each level.
  { name: "completion-cascade-national", user: "acftu", path: "/completion?objective=3.5.2.1" },
  { name: "completion-cascade-hebei", user: "hebei", path: "/completion?objective=3.5.2.1" },
  { name: "completion-cascade-county", user: "zhengding", path: "/completion?objective=3.5.2.2" },
  { name: "completion-cascade-trend", user: "hebei", path: "/completion?objective=3.5.2.1&view=trend" },
  { name: "completion-report-national", user: "acftu", path: "/completion/report?objective=3.5.2.1" },
  {
    name: "completion-report-docno",
    user: "hebei",
    path: `/completion/report?objective=3.5.2.1&docNo=${encodeURIComponent("冀工督〔2026〕3号")}`,
  },
  { name: "completion-report-en", user: "hebei", path: "/completion/report?objective=3.5.2.1", locale: "en" },
  { name: "completion-en", user: "acftu", path: "/completion", locale: "en" },
  { name: "home-en", user: "hebei", path: "/", locale: "en" },
  { name: "tasks-en", user: "hebei", path: "/tasks", locale: "en" },
  { name: "security", user: "secadmin", path: "/security" },
  { name: "security-permissions", user: "secadmin", path: "/security/permissions" },
  { name: "security-settings", user: "secadmin", path: "/security/settings" },
  { name: "security-locks", user: "secadmin", path: "/security/locks" },
  { name: "security-settings-en", user: "secadmin", path: "/security/settings", locale: "en" },
  { name: "home-admin", user: "admin", path: "/" },
  { name: "system-jobs", user: "admin", path: "/system/jobs" },
  { name: "system-jobs-en", user: "admin", path: "/system/jobs", locale: "en" },
  { name: "users-secadmin", user: "secadmin", path: "/users" },
  { name: "audit", user: "auditor", path: "/audit" },
  { name: "audit-en", user: "auditor", path: "/audit", locale: "en" },
];

test.skip(!process.env.SCREENSHOTS, "screenshots only on request");

for (const s of shots) {
  for (const [label, viewport] of [
    ["desktop", { width: 1280, height: 860 }],
    ["phone", { width: 360, height: 780 }],
  ] as const) {
    test(`${s.name} ${label}`, async ({ page, baseURL }) => {
      await page.setViewportSize(viewport);
      if (s.user) await loginAs(page, s.user);
      if (s.locale)
        await page.context().addCookies([
          {
            name: "locale",
            value: s.locale,
            url: baseURL!,
          },
        ]);
      await page.goto(s.path);
      for (const id of s.open ?? []) {
        await page.getByTestId(id).first().click();
        await page.waitForLoadState("networkidle");
      }
      await page.waitForLoadState("networkidle");
      await page.screenshot({ path: `${dir}/${s.name}-${label}.png`, fullPage: label === "phone" });
    });
  }
}
