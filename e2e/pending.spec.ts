import { expect, test } from "@playwright/test";
import { loginAs } from "./fixtures/auth";

// Pages render on the server before they are sent (so that another region's data answers 404, not
// a streamed 200); while one loads, the link that opened it shows a pending bar.
test("a completion view tab shows that its page is loading", async ({ page }) => {
  await loginAs(page, "hebei");
  await page.goto("/completion");
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(
    (url) =>
      url.pathname === "/completion" &&
      url.searchParams.get("view") === "heatmap" &&
      url.searchParams.has("_rsc"),
    async (route) => {
      if (!route.request().headers()["next-router-prefetch"]) await held;
      await route.continue();
    },
  );
  const tabs = page.getByRole("navigation", { name: "视图" });
  const heatmap = tabs.getByRole("link", { name: "热力图" });
  await expect(heatmap.getByTestId("link-pending")).toHaveAttribute("data-pending", "false");
  await heatmap.click();
  await expect(heatmap.getByTestId("link-pending")).toHaveAttribute("data-pending", "true");
  await expect(page.getByRole("heading", { name: "河北省总工会 · 完成情况" })).toBeVisible(); // the old view stays meanwhile
  release();
  await expect(page.getByTestId("heatmap")).toBeVisible();
  await expect(tabs.getByRole("link", { name: "热力图" })).toHaveAttribute("aria-current", "page");
  await expect(tabs.getByRole("link", { name: "热力图" }).getByTestId("link-pending")).toHaveAttribute(
    "data-pending",
    "false",
  );
});
