import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { setDbForTests, type TDb } from "@/lib/db/client";
import { PrismaClient } from "@/lib/generated/prisma/client";

const MIGRATIONS = path.resolve(import.meta.dirname, "../../prisma/migrations");

/** The migrations' SQL in order; `before` a folder name: only those before it, and the rest. */
function migrationSql(before?: string): { now: string[]; later: string[] } {
  const dirs = fs
    .readdirSync(MIGRATIONS)
    .filter((d) => fs.existsSync(path.join(MIGRATIONS, d, "migration.sql")))
    .sort();
  const read = (d: string) => fs.readFileSync(path.join(MIGRATIONS, d, "migration.sql"), "utf8");
  return {
    now: dirs.filter((d) => !before || d < before).map(read),
    later: dirs.filter((d) => before && d >= before).map(read),
  };
}

export type TTestDb = {
  db: TDb;
  kind: "postgres" | "pglite";
  /** The database's URL (PostgreSQL only), for a second process on the same database. */
  url?: string;
  close: () => Promise<void>;
  /** Applies the migrations left out with `before` (for upgrade tests). */
  migrateRest: () => Promise<void>;
};

/**
 * A fresh, migrated database for one test file: a new database on the PostgreSQL
 * server of TEST_DATABASE_URL when set, an in-memory PGlite otherwise. It also
 * becomes the app's client (getDb) until closed.
 */
export async function createTestDb(opts: { before?: string } = {}): Promise<TTestDb> {
  const { now, later } = migrationSql(opts.before);
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const name = `utt_it_${crypto.randomBytes(6).toString("hex")}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const dbUrl = new URL(url);
    dbUrl.pathname = `/${name}`;
    const client = new pg.Client({ connectionString: dbUrl.toString() });
    await client.connect();
    for (const sql of now) await client.query(sql);
    await client.end();
    const db = new PrismaClient({
      adapter: new PrismaPg({ connectionString: dbUrl.toString(), max: 5 }),
      omit: { user: { passwordHash: true } },
    });
    setDbForTests(db);
    return {
      db,
      kind: "postgres",
      url: dbUrl.toString(),
      migrateRest: async () => {
        const c = new pg.Client({ connectionString: dbUrl.toString() });
        await c.connect();
        for (const sql of later) await c.query(sql);
        await c.end();
      },
      close: async () => {
        setDbForTests(undefined);
        await db.$disconnect();
        const a = new pg.Client({ connectionString: url });
        await a.connect();
        await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await a.end();
      },
    };
  }
  const lite = new PGlite();
  for (const sql of now) await lite.exec(sql);
  const adapter = new PrismaPGlite(lite) as unknown as PrismaPg;
  const db = new PrismaClient({ adapter, omit: { user: { passwordHash: true } } });
  setDbForTests(db);
  return {
    db,
    kind: "pglite",
    migrateRest: async () => {
      for (const sql of later) await lite.exec(sql);
    },
    close: async () => {
      setDbForTests(undefined);
      await db.$disconnect();
      await lite.close();
    },
  };
}
