import { execFileSync } from "node:child_process";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { setDbForTests, type TDb } from "@/lib/db/client";
import { PrismaClient } from "@/lib/generated/prisma/client";
import type { TSize } from "./config";
import { log } from "./stats";

// Database plumbing of the benchmark: create/drop, the project's own migrate + seed, the marker.
const dbName = (url: string) => decodeURIComponent(new URL(url).pathname.slice(1));

function adminUrl(url: string): string {
  const u = new URL(url);
  u.pathname = "/postgres";
  return u.toString();
}

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

export async function databaseExists(url: string): Promise<boolean> {
  return withClient(
    adminUrl(url),
    async (c) =>
      (await c.query("SELECT 1 FROM pg_database WHERE datname = $1", [dbName(url)])).rowCount === 1,
  );
}

/** Drops (when asked) and creates the database; returns true when it was created. */
export async function ensureDatabase(url: string, drop: boolean): Promise<boolean> {
  const name = dbName(url);
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unsupported database name: ${name}`);
  return withClient(adminUrl(url), async (c) => {
    if (drop) await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    const exists = (await c.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])).rowCount === 1;
    if (!exists) await c.query(`CREATE DATABASE ${name}`);
    return !exists;
  });
}

/** The project's normal setup: `prisma migrate deploy` (+ `prisma db seed`) with DATABASE_URL. */
export function migrate(url: string, seed: boolean): void {
  const run = (args: string[]) =>
    execFileSync("npx", ["prisma", ...args], {
      env: { ...process.env, DATABASE_URL: url },
      stdio: ["ignore", "pipe", "pipe"],
    });
  log("prisma migrate deploy");
  run(["migrate", "deploy"]);
  if (seed) {
    log("prisma db seed (permissions, objectives, the real provinces/cities/counties, demo users)");
    const out = run(["db", "seed"]).toString();
    const line = out.split("\n").find((l) => l.startsWith("seed:"));
    if (line) log(line);
  }
}

export type TMarker = {
  version: number;
  size: TSize;
  generatedAt: string;
  generateSeconds: number;
  rollupSeconds: number;
  migrations: string[];
};

/** The marker says which dataset the database holds; it lives in the database itself. */
export async function readMarker(url: string): Promise<TMarker | null> {
  if (!(await databaseExists(url))) return null;
  return withClient(url, async (c) => {
    const t = await c.query("SELECT to_regclass('bench_meta') AS t");
    if (!t.rows[0].t) return null;
    const r = await c.query("SELECT value FROM bench_meta WHERE key = 'dataset'");
    return (r.rows[0]?.value as TMarker | undefined) ?? null;
  });
}

export async function writeMarker(url: string, marker: TMarker): Promise<void> {
  await withClient(url, async (c) => {
    await c.query("CREATE TABLE IF NOT EXISTS bench_meta (key text PRIMARY KEY, value jsonb NOT NULL)");
    await c.query(
      "INSERT INTO bench_meta VALUES ('dataset', $1) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
      [JSON.stringify(marker)],
    );
  });
}

export async function appliedMigrations(url: string): Promise<string[]> {
  return withClient(url, async (c) =>
    (
      await c.query(`SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY 1`)
    ).rows.map((r) => r.migration_name as string),
  );
}

/**
 * A pg pool for bulk SQL. Session settings go into the connection options so that every
 * connection of the pool has them (the load does not need durability per commit).
 */
export function bulkPool(url: string, max: number): pg.Pool {
  return new pg.Pool({
    connectionString: url,
    max,
    options:
      "-c session_replication_role=replica -c synchronous_commit=off -c work_mem=256MB -c maintenance_work_mem=1GB -c max_parallel_maintenance_workers=2",
  });
}

/** A Prisma client like the app's (same omit), on its own pool; `options` are session settings. */
export function prismaClient(url: string, max: number, options?: string): TDb {
  const adapter = new PrismaPg({ connectionString: url, max, ...(options ? { options } : {}) });
  return new PrismaClient({ adapter, omit: { user: { passwordHash: true } } });
}

/** The app's client on a pool big enough for the rush: the domain functions use it through getDb(). */
export function appClient(url: string, max: number): TDb {
  const db = prismaClient(url, max);
  setDbForTests(db);
  return db;
}
