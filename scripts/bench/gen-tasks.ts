import type pg from "pg";
import { Prisma } from "@/lib/generated/prisma/client";
import { DEFAULT_DUE_SOON_DAYS, DEFAULT_LAG_POINTS } from "@/features/lights/lib/light";
import { lightSql } from "@/features/lights/lib/light-sql";
import { BENCH_BRANCH, u } from "./sql";

// The tasks of the bench branches (and of the county federations above them): `perBranch`
// distinct measures each, one INSERT … SELECT per province and holder kind. Every county passed each measure down with one due date (spread from 150 days ago to
// 210 days ahead); 15% of the tasks had it extended. The status mix depends on whether the due
// date has passed, so some open tasks are overdue and a fifth of the completions are late.
const K = `(b.id::bigint * 100 + k)`;
// Every generated task gets its warning light for today ($2) by the app's rule (light-sql.ts; no
// WarningSetting rows: the defaults), so the rebuild counts red/yellow/green without relighting.
const GEN_LIGHT = lightSql({
  status: Prisma.sql`s.status`,
  dueDate: Prisma.sql`d.due`,
  createdAt: Prisma.sql`t.created`,
  progress: Prisma.sql`p.progress`,
  reportFlag: Prisma.sql`'NONE'`,
  dueSoonDays: Prisma.sql`${Prisma.raw(String(DEFAULT_DUE_SOON_DAYS))}`,
  lagPoints: Prisma.sql`${Prisma.raw(String(DEFAULT_LAG_POINTS))}`,
  today: Prisma.sql`$2::date`,
}).text;

/** Who holds the tasks: every bench branch (reviewed by its county), or every county federation with bench branches (reviewed by its city, so that a county has a record of its own to be assessed on, 考评). */
export type THolders = "branches" | "counties";

const HOLDERS: Record<THolders, string> = {
  branches: `
      SELECT o.id, o."parentId" AS county, o."ancestorIds", ch.id AS chair, st.id AS staff, mg.id AS manager
      FROM "Org" o
      JOIN "User" ch ON ch.username = 'bench.c.' || o.id
      JOIN "User" st ON st.username = 'bench.s.' || o.id
      JOIN "User" mg ON mg.username = 'bench.m.' || o."parentId"
      WHERE ${BENCH_BRANCH} AND o."ancestorIds"[2] = $1::int`,
  // "county" is the reviewing org: here the city.
  counties: `
      SELECT o.id, o."parentId" AS county, o."ancestorIds", mg.id AS chair, mg.id AS staff, mg.id AS manager
      FROM "Org" o JOIN "User" mg ON mg.username = 'bench.m.' || o.id
      WHERE o.level = 'COUNTY' AND o."ancestorIds"[2] = $1::int`,
};

export function taskInsertSql(holders: THolders = "branches"): string {
  return `
    WITH m AS (
      SELECT (row_number() OVER (ORDER BY o.id) - 1)::int AS idx, o.id, si."parentId" AS main
      FROM "Objective" o JOIN "Objective" si ON si.id = o."parentId" WHERE o.level = 'MEASURE'
    ), mc AS (SELECT count(*)::int AS n FROM m), b AS (${HOLDERS[holders]}
    )
    INSERT INTO "Task" ("objectiveId", "mainTaskId", "orgId", "orgPath", "reviewOrgId", kind, status, priority, "dueDate",
      progress, "progressState", "lastProgressAt", "responsibleId", "lastReason", "signedAt", "submittedAt", "completedAt",
      version, "createdById", "createdAt", "updatedAt", light)
    SELECT m.id, m.main, b.id, b."ancestorIds", b.county, s.kind, s.status,
      (CASE WHEN ${u(K, 20)} < .05 THEN 'LOW' WHEN ${u(K, 20)} < .85 THEN 'NORMAL' WHEN ${u(K, 20)} < .98 THEN 'HIGH' ELSE 'URGENT' END)::"TaskPriority",
      d.due, p.progress,
      (CASE WHEN s.status NOT IN ('IN_PROGRESS', 'SUBMITTED') THEN 'NORMAL' WHEN ${u(K, 6)} < .05 THEN 'AT_RISK'
            WHEN d.due < $2::date AND ${u(K, 6)} < .5 THEN 'LAGGING' ELSE 'NORMAL' END)::"ProgressState",
      CASE WHEN p.updates > 0 THEN least(t.now, coalesce(t.submitted - interval '2 hours', t.signed + (t.now - t.signed) * (.3 + .7 * ${u(K, 14)}))) END,
      CASE WHEN s.status IN ('IN_PROGRESS', 'SUBMITTED', 'COMPLETED') THEN b.staff END,
      CASE WHEN s.status = 'HANDED_BACK' THEN '不属本级职责，请重新下达' END,
      t.signed, t.submitted, t.completed,
      1 + p.updates + CASE s.status WHEN 'HANDED_BACK' THEN 1 WHEN 'IN_PROGRESS' THEN 2 WHEN 'SUBMITTED' THEN 3
        WHEN 'COMPLETED' THEN 4 WHEN 'CANCELLED' THEN 1 ELSE 0 END,
      CASE WHEN s.kind = 'CLAIMED' THEN b.chair ELSE b.manager END,
      t.created, greatest(t.created, t.signed, t.submitted, t.completed), ${GEN_LIGHT}
    FROM b
    CROSS JOIN generate_series(0, $3::int - 1) AS k
    CROSS JOIN mc
    JOIN m ON m.idx = (b.id + k * (mc.n / $3::int)) % mc.n
    CROSS JOIN LATERAL (SELECT ($2::date + (floor(${u("b.county::bigint * 1000 + m.id", 7)} * 360)::int - 150)
      + CASE WHEN ${u(K, 2)} < .15 THEN 1 + floor(${u(K, 3)} * 45)::int ELSE 0 END) AS due) d
    CROSS JOIN LATERAL (SELECT
      (CASE WHEN d.due < $2::date THEN
         CASE WHEN ${u(K, 1)} < .04 THEN 'PENDING_SIGN' WHEN ${u(K, 1)} < .06 THEN 'HANDED_BACK' WHEN ${u(K, 1)} < .22 THEN 'IN_PROGRESS'
              WHEN ${u(K, 1)} < .28 THEN 'SUBMITTED' WHEN ${u(K, 1)} < .96 THEN 'COMPLETED' ELSE 'CANCELLED' END
       ELSE
         CASE WHEN ${u(K, 1)} < .12 THEN 'PENDING_SIGN' WHEN ${u(K, 1)} < .14 THEN 'HANDED_BACK' WHEN ${u(K, 1)} < .72 THEN 'IN_PROGRESS'
              WHEN ${u(K, 1)} < .80 THEN 'SUBMITTED' WHEN ${u(K, 1)} < .97 THEN 'COMPLETED' ELSE 'CANCELLED' END
       END)::"TaskStatus" AS status) s0
    CROSS JOIN LATERAL (SELECT s0.status,
      (CASE WHEN ${u(K, 4)} < .08 AND s0.status NOT IN ('PENDING_SIGN', 'HANDED_BACK') THEN 'CLAIMED' ELSE 'ASSIGNED' END)::"TaskKind" AS kind) s
    CROSS JOIN LATERAL (SELECT
      CASE s.status WHEN 'IN_PROGRESS' THEN floor(${u(K, 5)} * 96)::int WHEN 'SUBMITTED' THEN 90 + floor(${u(K, 5)} * 11)::int
                    WHEN 'COMPLETED' THEN 100 WHEN 'CANCELLED' THEN floor(${u(K, 5)} * 60)::int ELSE 0 END AS progress) p0
    CROSS JOIN LATERAL (SELECT p0.progress,
      CASE WHEN s.status = 'IN_PROGRESS' THEN (p0.progress > 0)::int + (p0.progress > 50)::int
           WHEN s.status IN ('SUBMITTED', 'COMPLETED') THEN 2 ELSE 0 END AS updates) p
    CROSS JOIN LATERAL (SELECT least(d.due - 30 - floor(${u(K, 8)} * 120)::int, $2::date - 1 - floor(${u(K, 8)} * 10)::int)::timestamp
      + interval '1 hour' * (1 + ${u(K, 9)} * 9) AS created, ($4::timestamptz AT TIME ZONE 'UTC') AS now) t0
    CROSS JOIN LATERAL (SELECT t0.created, t0.now,
      CASE WHEN s.status IN ('IN_PROGRESS', 'SUBMITTED', 'COMPLETED')
        THEN least(t0.now - interval '3 hours', t0.created + interval '1 day' * ${u(K, 10)} * 5) END AS signed) t1
    CROSS JOIN LATERAL (SELECT CASE WHEN s.status = 'COMPLETED' THEN greatest(t1.signed + interval '2 hours', least(t1.now - interval '1 hour',
        d.due::timestamp + interval '1 hour' * (1 + ${u(K, 9)} * 9)
        + interval '1 day' * CASE WHEN ${u(K, 11)} < .2 THEN 1 + floor(${u(K, 12)} * 30) ELSE -floor(${u(K, 12)} * 20) END)) END AS completed) t2
    CROSS JOIN LATERAL (SELECT t1.created, t1.now, t1.signed, t2.completed,
      CASE WHEN s.status = 'COMPLETED' THEN greatest(t1.signed + interval '1 hour', t2.completed - interval '1 day' * ${u(K, 13)} * 5)
           WHEN s.status = 'SUBMITTED' THEN greatest(t1.signed + interval '1 hour', t1.now - interval '1 day' * ${u(K, 13)} * 10) END AS submitted) t
    ORDER BY b.id, m.id`;
}

/** `today` is China's calendar day (YYYY-MM-DD), `now` an ISO instant (stored as UTC, like Prisma does). */
export async function insertProvinceTasks(
  pool: pg.Pool,
  {
    provinceId,
    perBranch,
    today,
    now,
    holders = "branches",
  }: { provinceId: number; perBranch: number; today: string; now: string; holders?: THolders },
): Promise<number> {
  const r = await pool.query(taskInsertSql(holders), [provinceId, today, perBranch, now]);
  return r.rowCount ?? 0;
}
