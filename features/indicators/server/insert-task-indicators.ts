import type { TTx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { ROLLUP_ORGS_OF_T } from "@/features/rollups/server/figures";
import { decimalText } from "../lib/indicator-values";

// New tasks carry every live indicator of their measure (TaskIndicator rows: the target set by
// the assigner, or none; no actual yet) and count in IndicatorRollup under the counting rule.
// Set-based: one insert and one upsert whatever the number of tasks (下达, 分解, 转派, 认领).

/** Targets per indicator and receiving org (下达/分解 from the form, 转派 from the old task). */
export type TIndicatorTargets = readonly {
  indicatorId: number;
  targets: readonly { orgId: number; target: number | string }[];
}[];

function flatten(targets: TIndicatorTargets | undefined) {
  const rows = (targets ?? []).flatMap((i) => i.targets.map((t) => ({ ind: i.indicatorId, ...t })));
  return {
    inds: rows.map((r) => r.ind),
    orgs: rows.map((r) => r.orgId),
    values: rows.map((r) => decimalText(r.target)),
  };
}

/** Inserts the TaskIndicator rows of the tasks `where` (on task row `t`), with their targets. */
export async function insertTaskIndicators(
  tx: TTx,
  where: Prisma.Sql,
  targets?: TIndicatorTargets,
): Promise<number> {
  const f = flatten(targets);
  return tx.$executeRaw`
    INSERT INTO "TaskIndicator" ("taskId", "indicatorId", target)
    SELECT t.id, i.id,
      (SELECT round(v.target, 6) FROM unnest(${f.inds}::int[], ${f.orgs}::int[], ${f.values}::numeric[]) AS v(ind, org, target)
       WHERE v.ind = i.id AND v.org = t."orgId" LIMIT 1)
    FROM "Task" t JOIN "Indicator" i ON i."objectiveId" = t."objectiveId" AND i."retiredAt" IS NULL
    WHERE ${where}
    ORDER BY t.id, i.id
    ON CONFLICT ("taskId", "indicatorId") DO NOTHING`;
}

/**
 * Puts the tasks `where` (on task row `t`) into (`sign` +1) or takes them out of (−1) the
 * IndicatorRollup rows of the regions they count in, as their rows stand now (cancelled tasks
 * count nowhere). Rows are taken in ascending (org, indicator); callers run it after the Rollup
 * rows of the same tasks, the order every writer uses.
 */
export async function shiftIndicatorRollups(tx: TTx, where: Prisma.Sql, sign: 1 | -1): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO "IndicatorRollup" AS r ("orgId", "indicatorId", tasks, targeted, reported, "targetSum", "actualSum")
    SELECT a.org, ti."indicatorId",
      ${sign}::int * count(*)::int,
      ${sign}::int * count(ti.target)::int,
      ${sign}::int * count(ti.actual)::int,
      ${sign}::int * COALESCE(sum(ti.target), 0),
      ${sign}::int * COALESCE(sum(ti.actual), 0)
    FROM "Task" t ${ROLLUP_ORGS_OF_T}
    JOIN "TaskIndicator" ti ON ti."taskId" = t.id
    WHERE ${where} AND t.status <> 'CANCELLED'
    GROUP BY a.org, ti."indicatorId"
    ORDER BY a.org, ti."indicatorId"
    ON CONFLICT ("orgId", "indicatorId") DO UPDATE SET
      tasks = r.tasks + EXCLUDED.tasks,
      targeted = r.targeted + EXCLUDED.targeted,
      reported = r.reported + EXCLUDED.reported,
      "targetSum" = r."targetSum" + EXCLUDED."targetSum",
      "actualSum" = r."actualSum" + EXCLUDED."actualSum"`;
}

/** The tasks of one 下达/分解/转派 batch. */
export const batchTasks = (batchId: number) => Prisma.sql`t."batchId" = ${batchId}`;
/** Some tasks by id. */
export const tasksById = (ids: readonly number[]) => Prisma.sql`t.id = ANY(${[...ids]}::int[])`;
