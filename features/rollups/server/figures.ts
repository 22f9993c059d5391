import { Prisma } from "@/lib/generated/prisma/client";
import { countedProgressSql, openStatusSql } from "@/lib/task-status-sql";

// No "server-only": the rebuild, the benchmark and the tests use these fragments too.

/**
 * Which orgs keep roll-up rows: the federations below the root. The root's figures are the sum of
 * its provinces (no hot row at the top); a branch (GRASSROOTS, always a leaf under a county) holds
 * only its own few tasks, which are read straight from "Task" (readFigures). This keeps "Rollup"
 * at ~150 k rows at national scale and every task change at ≤ 3 roll-up rows.
 */
export const ROLLUP_LEVELS = ["PROVINCE", "CITY", "COUNTY"] as const;
/** ROLLUP_LEVELS as an SQL list, for `level IN (…)`. */
export const ROLLUP_LEVELS_SQL = Prisma.raw(ROLLUP_LEVELS.map((l) => `'${l}'`).join(", "));

/**
 * Each assignment chain counts once per region: a task counts in the regions on its org path
 * below its parent task's holder (`countFrom` = the parent's path length; 0 when it was not passed
 * down, so it counts on its whole path). A parent and its children thus feed disjoint regions.
 */
export type TFeeds = { orgPath: readonly number[]; countFrom: number };

/** The regions task `t` counts in, as ids. */
export function regionsOf(t: TFeeds): number[] {
  return t.orgPath.slice(t.countFrom);
}

/** Rows a(org) joined to task row `t`: the orgs whose roll-ups it feeds (set-based statements). */
export const ROLLUP_ORGS_OF_T = Prisma.sql`CROSS JOIN LATERAL unnest(t."orgPath"[t."countFrom" + 1:]) AS a(org)
  JOIN "Org" ro ON ro.id = a.org AND ro.level IN (${ROLLUP_LEVELS_SQL})`;

/**
 * "Completed on time" of task row `t` in SQL: approved by the end of the due day in China.
 * completedAt is a UTC timestamp without time zone, so it is read as UTC first.
 * The same rule as lib/contribution.ts#completedOnTime.
 */
export const ON_TIME = Prisma.raw(
  `(t."completedAt" AT TIME ZONE 'UTC' AT TIME ZONE 'Asia/Shanghai')::date <= t."dueDate"`,
);

/** Task row `t` is open (counts towards overdue and RollupDue). */
export const OPEN_TASK = openStatusSql("t.status");

/**
 * The figures of a group of task rows `t`, in roll-up column order (overdue, then the stored lights): what one task
 * contributes is lib/contribution.ts#contribution. Used by the rebuild, the branch reads and the
 * benchmark's naive view, so that the rule exists once in the maintained path's SQL (recompute.ts
 * writes it out again on purpose, as an independent check).
 */
export function taskFigures(today: Date): Prisma.Sql {
  return Prisma.sql`
    count(*) FILTER (WHERE t.status = 'PENDING_SIGN')::int AS "pendingSign",
    count(*) FILTER (WHERE t.status = 'HANDED_BACK')::int AS "handedBack",
    count(*) FILTER (WHERE t.status = 'IN_PROGRESS')::int AS "inProgress",
    count(*) FILTER (WHERE t.status = 'SUBMITTED')::int AS "submitted",
    count(*) FILTER (WHERE t.status = 'COMPLETED')::int AS "completed",
    count(*) FILTER (WHERE t.status = 'COMPLETED' AND ${ON_TIME})::int AS "completedOnTime",
    COALESCE(sum((${countedProgressSql("t.status", "t.progress")})::numeric), 0) AS "progressSum",
    count(*) FILTER (WHERE ${OPEN_TASK} AND t."dueDate" < ${today}::date)::int AS "overdue",
    count(*) FILTER (WHERE t.light = 'RED')::int AS "red",
    count(*) FILTER (WHERE t.light = 'YELLOW')::int AS "yellow",
    count(*) FILTER (WHERE t.light = 'GREEN')::int AS "green"`;
}

/** `column` is one of `ids`, or anything when `ids` is null/undefined (an optional filter). */
export function inIdsOrAll(column: Prisma.Sql, ids: number[] | null | undefined): Prisma.Sql {
  return Prisma.sql`(${ids ?? null}::int[] IS NULL OR ${column} = ANY(${ids ?? null}::int[]))`;
}
