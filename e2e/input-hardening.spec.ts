import { expect, test } from "@playwright/test";
import { loginAs } from "./fixtures/auth";

// Issue 12, findings 7, 8 and 10 through the running server: ids that are not ids are 404 (pages,
// route handlers) or 400 (export parameters), never 500; unclean search text and LIKE wildcards in
// search boxes neither fail nor list everything.

test("ids above 2^31-1 or not in canonical form are not found, never a server error", async ({ page }) => {
  test.slow(); // about twenty requests, each page's first render included
  await loginAs(page, "hebei");
  for (const path of [
    "/tasks/99999999999",
    "/tasks/1e2",
    "/tasks/0x10",
    "/tasks/99999999999/progress",
    "/tasks/1e2/progress",
    "/orgs/99999999999",
    "/orgs/1e2",
    "/users/99999999999",
    "/tasks/new?parent=99999999999",
    "/tasks/new?parent=1e2",
  ])
    expect((await page.goto(path))?.status(), path).toBe(404);
  for (const path of [
    "/tasks?org=99999999999&batch=1e2&cursor=99999999999&main=2147483648",
    "/completion?org=99999999999&page=1e2",
    "/review?cursor=99999999999&ext=1e2&back=-1",
    "/notifications?cursor=99999999999",
    "/users?cursor=99999999999",
  ])
    expect((await page.goto(path))?.status(), path).toBe(200);
  expect((await page.request.get("/api/attachments/99999999999")).status()).toBe(404);
  expect((await page.request.get("/api/attachments/1e2")).status()).toBe(404);
  const upload = await page.request.post("/api/tasks/99999999999/attachments", {
    multipart: {
      purpose: "progress",
      file: { name: "x.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.7") },
    },
  });
  expect(upload.status()).toBe(404);
  const exp = await page.request.get("/api/exports/ledger?org=99999999999&format=csv");
  expect([exp.status(), await exp.json()]).toEqual([
    400,
    { code: "VALIDATION", fieldErrors: { org: "invalid" } },
  ]);
  const open = await page.request.get("/notifications/99999999999/open", { maxRedirects: 0 });
  expect(open.status()).toBe(303);
});

test("NUL and wildcards in search boxes: no error, no list of everything", async ({ page }) => {
  test.slow();
  await loginAs(page, "admin");
  for (const path of [
    "/tasks?q=%00",
    "/orgs?q=a%00b",
    "/users?q=%00",
    "/objectives?q=%00",
    "/tasks/claim?q=%00",
  ])
    expect((await page.goto(path))?.status(), path).toBe(200);
  await page.goto("/orgs?q=%25");
  await expect(page.getByText("管辖范围内没有找到“%”")).toBeVisible();
  await page.goto("/users?q=_");
  await expect(page.getByText("没有符合条件的用户")).toBeVisible();
});
