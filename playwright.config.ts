import { execFileSync } from "node:child_process";
import { defineConfig, devices } from "@playwright/test";

/** A port nothing listens on now. The suite never runs against a server it did not start. */
function freePort(): string {
  const script =
    "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})";
  return execFileSync(process.execPath, ["-e", script]).toString().trim();
}
// Chosen once in the runner; its workers inherit the environment and so read the same port.
process.env.E2E_PORT ||= freePort();
const PORT = Number(process.env.E2E_PORT);
const baseURL = `http://127.0.0.1:${PORT}`;

// Debian's Chromium; `npx playwright install` would try to download a browser and fail here.
const launchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
  ],
};

export default defineConfig({
  testDir: "e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: { baseURL, locale: "zh-CN", timezoneId: "Asia/Shanghai", trace: "retain-on-failure", launchOptions },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"], launchOptions }, testIgnore: /screenshots/ },
    {
      name: "phone",
      use: { viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true, launchOptions },
      testMatch: /mobile\.spec\.ts/,
    },
    // Screenshots show the data the desktop suite created, so that suite runs first.
    {
      name: "screenshots",
      use: { launchOptions },
      testMatch: /screenshots\.spec\.ts/,
      dependencies: ["desktop"],
    },
  ],
  webServer: {
    // A fresh database for every run: PostgreSQL when TEST_DATABASE_URL is set, PGlite otherwise.
    command: `npm run build && tsx scripts/e2e-server.ts`,
    url: `${baseURL}/login`,
    timeout: 600_000,
    // Never reuse: a server already on the port is someone else's (the run fails with "already used").
    reuseExistingServer: false,
    env: { PORT: String(PORT), NEXT_TELEMETRY_DISABLED: "1" },
    // SIGTERM lets scripts/e2e-server.ts drop its database and data folder.
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    stdout: "pipe",
    stderr: "pipe",
  },
});
