// Starts the built app on a fresh database for the e2e suite: a new PostgreSQL
// database `utt_e2e` when TEST_DATABASE_URL is set, otherwise a new PGlite folder.
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import pg from "pg";

async function main() {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: ".data-e2e", NEXTAUTH_URL: undefined };
  fs.rmSync(".data-e2e", { recursive: true, force: true });
  const testUrl = process.env.TEST_DATABASE_URL;
  if (testUrl) {
    const admin = new pg.Client({ connectionString: testUrl });
    await admin.connect();
    await admin.query("DROP DATABASE IF EXISTS utt_e2e WITH (FORCE)");
    await admin.query("CREATE DATABASE utt_e2e");
    await admin.end();
    const url = new URL(testUrl);
    url.pathname = "/utt_e2e";
    env.DATABASE_URL = url.toString();
  } else {
    delete env.DATABASE_URL;
  }
  execFileSync("npx", ["tsx", "scripts/db-setup.ts"], { stdio: "inherit", env });
  const port = process.env.PORT ?? "3100";
  const server = spawn("npx", ["next", "start", "-p", port, "-H", "127.0.0.1"], { stdio: "inherit", env });
  const stop = () => server.kill("SIGTERM");
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  server.on("exit", (code) => process.exit(code ?? 0));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
