import type { TDb, TTx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { CLOSURE, COUNTED_IN } from "@/features/rollups/server/recompute";

// The naive answer for the lights, for checks (tests, the benchmark's drift check): the counting
// rule as recompute.ts walks it (parent links, not orgPath/countFrom), and the light rule written
// out a second time, on purpose not from light-sql.ts: the elapsed share as an exact numeric
// percentage, then "lag > X".

export type TLightCounts = { orgId: number; objectiveId: number; red: number; yellow: number; green: number };

function ruleLight(today: Date): Prisma.Sql {
  const start = Prisma.raw(`(t."createdAt" AT TIME ZONE 'UTC' AT TIME ZONE 'Asia/Shanghai')::date`);
  const d = Prisma.sql`${today}::date`;
  const share = Prisma.sql`(CASE WHEN t."dueDate" <= ${start} THEN 100::numeric
    ELSE 100::numeric * LEAST(GREATEST(${d} - ${start}, 0), t."dueDate" - ${start}) / (t."dueDate" - ${start}) END)`;
  return Prisma.sql`(CASE
    WHEN t.status IN ('COMPLETED', 'CANCELLED') THEN NULL
    WHEN t."dueDate" < ${d} OR t."reportFlag" = 'MISSING' THEN 'RED'
    WHEN t."dueDate" <= ${d} + COALESCE((SELECT w."dueSoonDays" FROM "WarningSetting" w WHERE w."orgId" = t."reviewOrgId"), 3) OR t."reportFlag" = 'LATE'
      OR ${share} - t.progress::numeric > COALESCE((SELECT w."lagPoints" FROM "WarningSetting" w WHERE w."orgId" = t."reviewOrgId"), 20) THEN 'YELLOW'
    ELSE 'GREEN' END)`;
}

/**
 * Red/yellow/green per region and measure, counted under the rule from the task rows: the light
 * each task should have on `today`, or (`today` null) the light stored on the task.
 */
export function recomputeLightsSql(today: Date | null, orgIds?: number[]): Prisma.Sql {
  const light = today ? ruleLight(today) : Prisma.sql`t.light::text`;
  return Prisma.sql`
    WITH RECURSIVE ${CLOSURE}, lit AS (
      SELECT c.anc AS "orgId", t."objectiveId", ${light} AS l
      ${COUNTED_IN} AND (${orgIds ?? null}::int[] IS NULL OR c.anc = ANY(${orgIds ?? null}::int[]))
    )
    SELECT "orgId", "objectiveId", count(*) FILTER (WHERE l = 'RED')::int AS red,
      count(*) FILTER (WHERE l = 'YELLOW')::int AS yellow, count(*) FILTER (WHERE l = 'GREEN')::int AS green
    FROM lit GROUP BY 1, 2`;
}

export async function recomputeLights(
  db: TDb | TTx,
  today: Date | null,
  orgIds?: number[],
): Promise<TLightCounts[]> {
  return db.$queryRaw<TLightCounts[]>(recomputeLightsSql(today, orgIds));
}

/** The maintained counts in the same shape. */
export async function readMaintainedLights(db: TDb | TTx, orgIds?: number[]): Promise<TLightCounts[]> {
  return db.$queryRaw<TLightCounts[]>`
    SELECT "orgId", "objectiveId", red, yellow, green FROM "Rollup"
    WHERE (${orgIds ?? null}::int[] IS NULL OR "orgId" = ANY(${orgIds ?? null}::int[]))`;
}

/** Rows that differ (zero rows left out on both sides): empty when exact. */
export function lightDrift(maintained: TLightCounts[], recomputed: TLightCounts[]): string[] {
  const key = (r: TLightCounts) => `${r.orgId}:${r.objectiveId}`;
  const show = (r: TLightCounts | undefined) => (r ? `${r.red}/${r.yellow}/${r.green}` : "0/0/0");
  const m = new Map(maintained.filter((r) => r.red + r.yellow + r.green !== 0).map((r) => [key(r), r]));
  const c = new Map(recomputed.filter((r) => r.red + r.yellow + r.green !== 0).map((r) => [key(r), r]));
  const out: string[] = [];
  for (const k of new Set([...m.keys(), ...c.keys()]))
    if (show(m.get(k)) !== show(c.get(k)))
      out.push(`${k}: maintained ${show(m.get(k))}, recomputed ${show(c.get(k))}`);
  return out.sort();
}
