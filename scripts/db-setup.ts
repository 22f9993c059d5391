// Runs before the server starts: applies pending migrations (prisma migrate deploy)
// and seeds idempotently. On PGlite only one process may open the data folder,
// so the connection is closed before the Prisma CLI runs.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { closePglite, usingPostgres } from "../lib/db/adapter";
import { disconnectDb, getDb } from "../lib/db/client";
import { s3Config, uploadDir } from "../lib/env";
import { wantDemoPlan } from "../prisma/seed/demo-plan";
import { wantDemoUsers } from "../prisma/seed/demo-users";
import { seedAll } from "../prisma/seed/seed-all";

async function pendingMigrations(): Promise<string[]> {
  const all = fs
    .readdirSync(path.join("prisma", "migrations"))
    .filter((d) => fs.existsSync(path.join("prisma", "migrations", d, "migration.sql")));
  let applied: string[] = [];
  try {
    const rows = await getDb().$queryRaw<
      { migration_name: string }[]
    >`SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL`;
    applied = rows.map((r) => r.migration_name);
  } catch {
    applied = []; // fresh database: no migrations table yet
  }
  return all.filter((m) => !applied.includes(m));
}

async function release() {
  await disconnectDb();
  await closePglite();
}

async function main() {
  const started = Date.now();
  // Bad S3_* settings stop the start here, not at the first upload.
  const s3 = s3Config();
  console.log(`db-setup: evidence in ${s3 ? `s3://${s3.bucket}/${s3.prefix}` : uploadDir()}`);
  const pending = await pendingMigrations();
  if (pending.length) {
    await release();
    console.log(
      `db-setup: applying ${pending.length} migration(s) on ${usingPostgres() ? "PostgreSQL" : "embedded PGlite"}…`,
    );
    execFileSync("npx", ["prisma", "migrate", "deploy"], { stdio: "inherit" });
  }
  const demoUsers = wantDemoUsers();
  const seeded = await seedAll(getDb(), { demoUsers, demoPlan: wantDemoPlan() });
  console.log(`db-setup: ready in ${Date.now() - started} ms ${JSON.stringify(seeded)}`);
}

main()
  .catch((e) => {
    console.error("db-setup failed:", e instanceof Error ? e.message : e);
    process.exitCode = 1;
  })
  .finally(release);
