import type { TDb } from "@/lib/db/client";
import { TASK_DUE_IN_PERIOD } from "./owing";

// No "server-only": the tests read this too.

export type TMissedTask = {
  taskId: number;
  orgId: number;
  orgName: string;
  orgCode: string;
  objectiveCode: string;
  objectiveTitle: string;
};

export const MISSED_PAGE_SIZE = 50;

/**
 * The tasks inside org `orgId`'s subtree that missed period `periodId`: 漏报 once the period is
 * closed, 未报 (owing, no report yet) while it is open. Ordered by unit code, one page at a time,
 * with the total.
 */
export async function readMissedTasks(
  db: TDb,
  q: { orgId: number; periodId: number; closed: boolean; page: number },
): Promise<{ total: number; rows: TMissedTask[] }> {
  const offset = (Math.max(1, q.page) - 1) * MISSED_PAGE_SIZE;
  const rows = await db.$queryRaw<(TMissedTask & { total: number })[]>`
    SELECT t.id AS "taskId", o.id AS "orgId", o.name AS "orgName", o.code AS "orgCode",
      ob.code AS "objectiveCode", ob.title AS "objectiveTitle", count(*) OVER ()::int AS total
    FROM "ReportingPeriod" p
    JOIN "ReportingRule" r ON r.id = p."ruleId"
    JOIN "Task" t ON t."orgPath" @> ARRAY[${q.orgId}::int]
    LEFT JOIN "PeriodReport" pr ON pr."periodId" = p.id AND pr."taskId" = t.id
    JOIN "Org" o ON o.id = t."orgId"
    JOIN "Objective" ob ON ob.id = t."objectiveId"
    WHERE p.id = ${q.periodId} AND (CASE WHEN ${q.closed} THEN pr.status = 'MISSING' ELSE pr."taskId" IS NULL AND ${TASK_DUE_IN_PERIOD} END)
    ORDER BY o.code, t.id
    LIMIT ${MISSED_PAGE_SIZE} OFFSET ${offset}`;
  const total = rows[0]?.total ?? (offset > 0 ? await countOnly(db, q) : 0);
  return { total, rows: rows.map(({ total: _t, ...r }) => r) };
}

async function countOnly(db: TDb, q: { orgId: number; periodId: number; closed: boolean }): Promise<number> {
  const [c] = await db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n
    FROM "ReportingPeriod" p
    JOIN "ReportingRule" r ON r.id = p."ruleId"
    JOIN "Task" t ON t."orgPath" @> ARRAY[${q.orgId}::int]
    LEFT JOIN "PeriodReport" pr ON pr."periodId" = p.id AND pr."taskId" = t.id
    WHERE p.id = ${q.periodId} AND (CASE WHEN ${q.closed} THEN pr.status = 'MISSING' ELSE pr."taskId" IS NULL AND ${TASK_DUE_IN_PERIOD} END)`;
  return c?.n ?? 0;
}
