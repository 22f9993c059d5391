import type pg from "pg";
import { log } from "./stats";

// Bulk loading into tables without their secondary indexes, then building each index once, is
// several times faster than maintaining them row by row. The definitions are read from the
// catalogue, so whatever the migrations define is rebuilt exactly (primary keys stay).
export type TIndexDef = { table: string; name: string; def: string };

export async function dropSecondaryIndexes(pool: pg.Pool, tables: string[]): Promise<TIndexDef[]> {
  const r = await pool.query<{ table: string; name: string; def: string }>(
    `SELECT c.relname AS table, i.relname AS name, pg_get_indexdef(x.indexrelid) AS def
     FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class c ON c.oid = x.indrelid
     WHERE c.relname = ANY($1::text[]) AND NOT x.indisprimary AND c.relnamespace = 'public'::regnamespace`,
    [tables],
  );
  for (const d of r.rows) await pool.query(`DROP INDEX "${d.name}"`);
  return r.rows;
}

/** Builds the indexes on `parallel` connections at once, biggest tables' GIN indexes first. */
export async function createIndexes(pool: pg.Pool, defs: TIndexDef[], parallel: number): Promise<void> {
  const queue = [...defs].sort(
    (a, b) => Number(b.def.includes("USING gin")) - Number(a.def.includes("USING gin")),
  );
  const worker = async () => {
    for (let d = queue.shift(); d; d = queue.shift()) {
      const t0 = Date.now();
      await pool.query(d.def);
      log(`  index ${d.name} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
}
