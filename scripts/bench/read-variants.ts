import pg from "pg";
import { chinaToday, formatDay } from "@/features/tasks/lib/dates";
import { quantile, rng } from "./stats";

// Diagnostic (`npx tsx scripts/bench/read-variants.ts`, after `npm run bench` generated the data):
// the roll-up read of readRollups against two proposed changes, on random orgs of each level —
// (1) the RollupDue probe only when the row's overdue watermark is behind today, and
// (2) a copy of "Rollup" stored in (orgId, objectiveId) order with fillfactor 70.
const url = process.env.DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/utt_bench";
const pool = new pg.Pool({ connectionString: url, max: 1 });
const today = formatDay(chinaToday());

const sql = (table: string, guarded: boolean) => `
  SELECT r."orgId", r."mainTaskId", sum(r."pendingSign")::int, sum(r."handedBack")::int, sum(r."inProgress")::int, sum(r."submitted")::int,
    sum(r."completed")::int, sum(r."completedOnTime")::int, sum(r."progressSum")::float8,
    sum(r."openDueBefore" + ${guarded ? `CASE WHEN r."overdueAsOf" < $2::date THEN` : ""} COALESCE((SELECT sum(d."open") FROM "RollupDue" d
      WHERE d."orgId" = r."orgId" AND d."objectiveId" = r."objectiveId" AND d."dueDate" >= r."overdueAsOf" AND d."dueDate" < $2::date), 0) ${guarded ? "ELSE 0 END" : ""})::int
  FROM ${table} r WHERE r."orgId" = ANY($1::int[]) GROUP BY r."orgId", r."mainTaskId"`;

console.log("copying Rollup in (orgId, objectiveId) order …");
await pool.query(`DROP TABLE IF EXISTS bench_rollup_sorted`);
await pool.query(`CREATE TABLE bench_rollup_sorted WITH (fillfactor = 70) AS SELECT * FROM "Rollup" ORDER BY "orgId", "objectiveId"`);
await pool.query(`ALTER TABLE bench_rollup_sorted ADD PRIMARY KEY ("orgId", "objectiveId")`);
await pool.query(`VACUUM ANALYZE bench_rollup_sorted`);
try {
  const kids = (await pool.query(`SELECT o.level, array_agg(c.id) || o.id AS ids FROM "Org" o JOIN "Org" c ON c."parentId" = o.id WHERE o.level IN ('PROVINCE', 'COUNTY') GROUP BY o.id`)).rows as { level: string; ids: number[] }[];
  const provinces = (await pool.query(`SELECT array_agg(id) AS ids FROM "Org" WHERE level = 'PROVINCE'`)).rows[0].ids as number[];
  const levels: [string, number[][]][] = [["national", [provinces]], ["province", kids.filter((k) => k.level === "PROVINCE").map((k) => k.ids)], ["county", kids.filter((k) => k.level === "COUNTY").map((k) => k.ids)]];
  for (const [level, sets] of levels) {
    for (const [table, guarded] of [['"Rollup"', false], ['"Rollup"', true], ["bench_rollup_sorted", false], ["bench_rollup_sorted", true]] as const) {
      const r = rng(42);
      const times: number[] = [];
      for (let i = 0; i < 230; i++) {
        const ids = sets[Math.floor(r() * sets.length)]!;
        const t0 = performance.now();
        await pool.query(sql(table, guarded), [ids, today]);
        if (i >= 30) times.push(performance.now() - t0);
      }
      console.log(`${level.padEnd(9)} ${(table === '"Rollup"' ? "as built" : "ordered, fillfactor 70").padEnd(24)} probe ${guarded ? "guarded" : "always "}  p50 ${quantile(times, 0.5).toFixed(2)} ms  p95 ${quantile(times, 0.95).toFixed(2)} ms`);
    }
  }
} finally {
  await pool.query(`DROP TABLE IF EXISTS bench_rollup_sorted`);
  await pool.end();
}
