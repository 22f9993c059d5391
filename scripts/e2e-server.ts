// Starts the built app on a fresh database for the e2e suite: a new PostgreSQL
// database `utt_e2e_<port>` when TEST_DATABASE_URL is set, otherwise a new PGlite
// folder `.data-e2e-<port>`; both are removed when the server stops. The port comes
// from playwright.config.ts (a free one), so two suites never share a server or database.
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import pg from "pg";

async function main() {
  const port = process.env.PORT;
  if (!port) throw new Error("PORT is not set: run the e2e suite through `npm run test:e2e`");
  const dataDir = `.data-e2e-${port}`;
  const dbName = `utt_e2e_${port}`;
  // The suite signs in with the demo accounts, also on PostgreSQL where they are not seeded by default.
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    NEXTAUTH_URL: undefined,
    SEED_DEMO_USERS: "1",
    // Two plans side by side (e2e/plans.spec.ts): the 17th report and 河北's 工作要点 of next year.
    SEED_DEMO_PLAN: "1",
  };
  fs.rmSync(dataDir, { recursive: true, force: true });
  const testUrl = process.env.TEST_DATABASE_URL;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: testUrl });
    await client.connect();
    await client.query(sql).finally(() => client.end());
  };
  if (testUrl) {
    await admin(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin(`CREATE DATABASE ${dbName}`);
    const url = new URL(testUrl);
    url.pathname = `/${dbName}`;
    env.DATABASE_URL = url.toString();
  } else {
    delete env.DATABASE_URL;
  }
  execFileSync("npx", ["tsx", "scripts/db-setup.ts"], { stdio: "inherit", env });
  const server = spawn("npx", ["next", "start", "-p", port, "-H", "127.0.0.1"], { stdio: "inherit", env });
  const stop = () => server.kill("SIGTERM");
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  server.on("exit", async (code) => {
    fs.rmSync(dataDir, { recursive: true, force: true });
    if (testUrl) await admin(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch(() => undefined);
    process.exit(code ?? 0);
  });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
