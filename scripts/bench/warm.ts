import type { TDb } from "@/lib/db/client";
import { log, timed } from "./stats";

// A live server has its working set in memory; a benchmark run that starts from a cold page cache
// (a reused dataset, or a host that reclaims idle memory) measures the disk instead. Read the
// tables and indexes the views and writes touch into the OS page cache first (pg_prewarm, from
// PostgreSQL's contrib; skipped with a note when it is not installed). The history tables that
// are only appended to (ProgressUpdate, TaskEvent, CompletionReport, Notification) are left cold.
const COLD = ["ProgressUpdate", "TaskEvent", "CompletionReport", "Notification"];

export async function warmCache(db: TDb): Promise<void> {
  try {
    await db.$executeRawUnsafe(`CREATE EXTENSION IF NOT EXISTS pg_prewarm`);
  } catch {
    log("pg_prewarm is not available: measuring from whatever the page cache holds");
    return;
  }
  const [ms, rows] = await timed(
    () =>
      db.$queryRaw<{ blocks: bigint }[]>`
      SELECT pg_prewarm(c.oid::regclass, 'read') AS blocks
      FROM pg_class c
      JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
      LEFT JOIN pg_index i ON i.indexrelid = c.oid
      LEFT JOIN pg_class t ON t.oid = i.indrelid
      WHERE c.relkind IN ('r', 'i') AND COALESCE(t.relname, c.relname) <> ALL(${COLD}::text[])`,
  );
  const mb = (rows.reduce((a, r) => a + Number(r.blocks), 0) * 8) / 1024;
  log(
    `page cache warmed with the tables and indexes the app reads: ${mb.toFixed(0)} MB in ${(ms / 1000).toFixed(1)} s`,
  );
}
