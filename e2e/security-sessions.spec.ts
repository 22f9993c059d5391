import { expect, test, type Page } from "@playwright/test";
import { DEMO_PASSWORD, loginAs } from "./fixtures/auth";
import { openTask } from "./fixtures/tasks";

// Issue 12, findings 1, 2, 12 and 16: the redirect after sign-in stays on this origin; a signed-out
// cookie is dead; every page carries a nonce CSP that the app never violates; opening a notification
// by GET changes nothing; the idle warning.
test.describe.configure({ mode: "serial", retries: 0 });

const sessionCookie = (c: { name: string }) => c.name.includes("next-auth.session-token");

async function signInThroughForm(page: Page, username: string) {
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "登录" }).click();
}

test("after sign-in the browser follows only a path on this origin", async ({ page, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  for (const payload of [
    "/%5C127.0.0.1:3199/x",
    "/%09/127.0.0.1:3199/x",
    "//127.0.0.1:3199/x",
    "https://example.com/",
  ]) {
    await page.context().clearCookies();
    await page.goto(`/login?callbackUrl=${encodeURIComponent(payload).replace(/%25/g, "%")}`);
    await signInThroughForm(page, "hengda.staff");
    await expect(page.getByTestId("notification-bell")).toBeVisible();
    expect(new URL(page.url()).origin, payload).toBe(origin);
    expect(new URL(page.url()).pathname, payload).toBe("/");
  }
  // A same-origin path is still followed.
  await page.context().clearCookies();
  await page.goto("/login?callbackUrl=%2Ftasks%3Fq%3D3.4");
  await signInThroughForm(page, "hengda.staff");
  await expect(page).toHaveURL(/\/tasks\?q=3\.4$/);

  // next-auth's own callbackUrl is held to the same rule.
  const { csrfToken } = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const res = await page.request.post("/api/auth/callback/credentials", {
    form: {
      csrfToken,
      username: "hengda.staff",
      password: DEMO_PASSWORD,
      json: "true",
      callbackUrl: "http://127.0.0.1:3199/x",
    },
    maxRedirects: 0,
  });
  const target = res.headers()["location"] ?? ((await res.json()) as { url: string }).url;
  expect(new URL(target, origin).origin).toBe(origin);
});

test("after sign-out the old session cookie opens no page and runs no action", async ({ page, browser }) => {
  await loginAs(page, "wuchang.staff");
  // The browser's view of the session never includes the server-side session id.
  const visible = (await (await page.request.get("/api/auth/session")).json()) as Record<string, unknown>;
  expect(visible.userId).toBeTruthy();
  expect(visible).not.toHaveProperty("sid");
  // An action that needs a signed-in user, recorded so it can be replayed: a wrong current password.
  await page.goto("/account/password");
  const actionRequest = page.waitForRequest((r) => r.method() === "POST" && !!r.headers()["next-action"]);
  await page.getByLabel("当前密码").fill("Wrong#2027x");
  await page.getByLabel("新密码", { exact: true }).fill("Never#2027xy");
  await page.getByLabel("确认新密码").fill("Never#2027xy");
  await page.getByRole("button", { name: "修改密码" }).click();
  const recorded = await actionRequest;
  const replay = {
    url: recorded.url(),
    headers: {
      "next-action": recorded.headers()["next-action"]!,
      "content-type": recorded.headers()["content-type"]!,
    },
    data: recorded.postData() ?? "",
  };
  // The live session runs it (and is refused only for the wrong password).
  await expect(page.getByText("当前密码不正确")).toBeVisible();
  const stolen = (await page.context().cookies()).filter(sessionCookie);
  expect(stolen).toHaveLength(1);

  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL(/\/login/);

  const thief = await browser.newContext();
  await thief.addCookies(stolen);
  const tp = await thief.newPage();
  for (const path of ["/", "/tasks", "/notifications", "/account/password"]) {
    await tp.goto(path);
    await expect(tp, path).toHaveURL(/\/login/);
  }
  const answer = await tp.request.post(replay.url, { headers: replay.headers, data: replay.data });
  expect(await answer.text()).toContain("UNAUTHENTICATED");
  await thief.close();
});

test("opening a notification by GET changes nothing; opening it from the list marks it read", async ({
  page,
  browser,
}) => {
  await loginAs(page, "hebei");
  await page.goto("/tasks/new");
  await page.getByPlaceholder("筛选任务目标").fill("3.4.2.3");
  await page.getByTestId("objective-picker").getByText("3.4.2.3", { exact: true }).click();
  await page.getByRole("radio", { name: "指定单位" }).check();
  await page.getByPlaceholder("搜索单位名称或代码").fill("130123");
  await page.getByTestId("org-results").getByText("正定县总工会").click();
  await page.getByRole("button", { name: "确认下达" }).click();
  await expect(page.getByTestId("assign-result")).toContainText("已下达 1 项任务");

  const chair = await browser.newPage();
  await loginAs(chair, "zhengding.chair");
  await chair.goto("/notifications?unread=1");
  const unread = chair.getByTestId("notification-list").locator("[data-unread]");
  const before = await unread.count();
  expect(before).toBeGreaterThan(0);
  const id = await chair
    .getByTestId("notification-list")
    .locator("form")
    .first()
    .locator('input[name="id"]')
    .getAttribute("value");
  // What a cross-site link does: it leads to the target, and the notification stays unread.
  const link = await chair.request.get(`/notifications/${id}/open`, { maxRedirects: 0 });
  expect(link.status()).toBe(303);
  expect(link.headers()["location"]).toMatch(/^\/tasks/);
  await chair.reload();
  await expect(unread).toHaveCount(before);
  // Opening it in the app (a POST form) goes there and marks it read.
  await unread.first().click();
  await expect(chair).toHaveURL(/\/tasks/);
  await chair.goto("/notifications?unread=1");
  await expect(chair.getByTestId("notification-list").locator("[data-unread]")).toHaveCount(before - 1);
  await chair.close();
});

test("every page carries a CSP with a fresh nonce, and the app triggers no violation", async ({ page }) => {
  const first = await page.request.get("/login");
  const second = await page.request.get("/login");
  const nonceOf = (csp: string) => /'nonce-([^']+)'/.exec(csp)?.[1];
  const [a, b] = [
    first.headers()["content-security-policy"] ?? "",
    second.headers()["content-security-policy"] ?? "",
  ];
  expect(a).toContain("'strict-dynamic'");
  expect(a).toContain("object-src 'none'");
  expect(a).toContain("frame-ancestors 'none'");
  expect(nonceOf(a)).toBeTruthy();
  expect(nonceOf(a)).not.toBe(nonceOf(b));
  expect(await first.text()).toContain(`nonce="${nonceOf(a)}"`);
  expect(first.headers()["permissions-policy"]).toContain("camera=()");
  expect(first.headers()["x-content-type-options"]).toBe("nosniff");
  // Served over plain HTTP: no HSTS.
  expect(first.headers()["strict-transport-security"]).toBeUndefined();

  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content.Security.Policy|Refused to/i.test(m.text())) violations.push(m.text());
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) =>
      console.error(`Content-Security-Policy violation: ${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  await page.goto("/login");
  await signInThroughForm(page, "hebei");
  await expect(page.getByTestId("notification-bell")).toBeVisible();
  await page.goto("/completion");
  await page.waitForLoadState("networkidle");
  await openTask(page, "3.4.2.3", "正定县总工会");
  for (const path of [
    "/tasks",
    "/tasks/new",
    "/notifications",
    "/review",
    "/objectives",
    "/orgs",
    "/users",
    "/account/password",
  ]) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
  }
  expect(violations).toEqual([]);
});

test("two minutes before the idle limit a warning offers to continue; at the limit the login page", async ({
  page,
}) => {
  await page.clock.install();
  await loginAs(page, "hengda.chair");
  await page.goto("/");
  const warning = page.getByTestId("idle-warning");
  await expect(warning).toBeHidden();
  // The watcher has started once it has noted the page's render time (shared with other tabs).
  await page.waitForFunction(() => !!localStorage.getItem("utt.session.seen"));
  await page.clock.fastForward("28:30");
  await expect(warning).toBeVisible();
  await expect(warning).toContainText("即将因长时间未操作而退出");
  const extended = page.waitForRequest((r) => r.method() === "POST" && !!r.headers()["next-action"]);
  await warning.getByRole("button", { name: "继续", exact: true }).click();
  await extended;
  await expect(warning).toBeHidden();
  const toLogin = page.waitForRequest((r) => r.url().includes("/login?callbackUrl="));
  await page.clock.fastForward("30:30");
  await toLogin;
});
