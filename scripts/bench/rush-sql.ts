import crypto from "node:crypto";
import pg from "pg";
import type { TDb } from "@/lib/db/client";
import { ROLLUP_LEVELS } from "@/features/rollups/server/figures";
import { sampleTasks } from "./actors";
import { log, pick, rng } from "./stats";

// Diagnostic, not the app's path: the database effects of one 进展填报 (the scoped, version-checked
// task update, the ProgressUpdate and TaskEvent rows, the progress delta on the roll-up row of every
// federation above the task, locked in ascending org id as the app's change statement does) as ONE
// statement per submission on plain pg connections. Comparing it with the rush through logProgress
// separates what PostgreSQL can take from what the app's own work costs in the Node process.
const WRITE_SQL = `
  WITH old AS (
    SELECT id, progress, "objectiveId", "mainTaskId", "orgPath" FROM "Task"
    WHERE id = $1 AND "orgPath" @> ARRAY[$2::int] AND version = $3 AND status = 'IN_PROGRESS' FOR UPDATE
  ), upd AS (
    UPDATE "Task" t SET progress = $4, "progressState" = 'NORMAL', "lastProgressAt" = now(), version = t.version + 1, "updatedAt" = now()
    FROM old WHERE t.id = old.id RETURNING t.id
  ), roll AS (
    INSERT INTO "Rollup" AS r ("orgId", "objectiveId", "mainTaskId", "progressSum")
    SELECT a.org, old."objectiveId", old."mainTaskId", $4 - old.progress FROM old CROSS JOIN LATERAL unnest(old."orgPath") AS a(org)
    JOIN "Org" ro ON ro.id = a.org AND ro.level IN (${ROLLUP_LEVELS.map((l) => `'${l}'`).join(", ")}) ORDER BY a.org
    ON CONFLICT ("orgId", "objectiveId") DO UPDATE SET "progressSum" = r."progressSum" + EXCLUDED."progressSum"
    RETURNING 1
  ), pu AS (
    INSERT INTO "ProgressUpdate" ("taskId", "authorId", percent, state, narrative, "clientToken")
    SELECT id, $5, $4, 'NORMAL', $6, $7 FROM old RETURNING 1
  ), ev AS (
    INSERT INTO "TaskEvent" ("taskId", "actorId", type, changes, message)
    SELECT id, $5, 'PROGRESS', jsonb_build_object('progress', jsonb_build_array(old.progress, $4::int)), $6 FROM old RETURNING 1
  )
  SELECT (SELECT count(*) FROM upd)::int AS n`;

export async function rushSql(
  db: TDb,
  {
    url,
    clients,
    seconds,
    perClient = 200,
  }: { url: string; clients: number; seconds: number; perClient?: number },
): Promise<number> {
  const tasks = await sampleTasks(db, clients * perClient, (Date.now() + 2) % 1_000_000);
  // The app's pool (rush clients + 10) may still hold its connections: stay within the server's limit.
  const [room] = await db.$queryRaw<{ n: number }[]>`
    SELECT (current_setting('max_connections')::int - (SELECT count(*) FROM pg_stat_activity) - 5)::int AS n`;
  const max = Math.max(1, Math.min(clients, room?.n ?? clients));
  if (max < clients) log(`rush (SQL): ${max} connections (the server has room for no more)`);
  const pool = new pg.Pool({ connectionString: url, max });
  let ok = 0;
  let conflicts = 0;
  const client = async (c: number, end: number) => {
    const mine = tasks.filter((_, i) => i % clients === c);
    const r = rng(5000 + c);
    while (Date.now() < end && mine.length) {
      const t = pick(mine, r);
      const percent = Math.min(100, t.progress + 1 + Math.floor(r() * 5));
      const res = await pool.query(WRITE_SQL, [
        t.id,
        t.orgId,
        t.version,
        percent,
        t.staff,
        "截止前补报进展",
        crypto.randomUUID(),
      ]);
      if (res.rows[0].n === 1) {
        ok++;
        t.version++;
        t.progress = percent;
      } else {
        conflicts++;
        mine.splice(mine.indexOf(t), 1);
      }
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: clients }, (_, c) => client(c, Date.now() + seconds * 1000)));
  const elapsed = (performance.now() - start) / 1000;
  await pool.end();
  log(
    `rush, same database effects as one statement on pg (diagnostic): ${ok} in ${elapsed.toFixed(1)} s = ${(ok / elapsed).toFixed(0)}/s, ${conflicts} refused`,
  );
  return ok / elapsed;
}
