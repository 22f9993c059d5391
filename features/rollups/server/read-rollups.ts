import type { TTx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { TCounts } from "../lib/metrics";
import { inIdsOrAll, ROLLUP_LEVELS, taskFigures } from "./figures";

// No "server-only": the benchmark measures exactly this read path.
/**
 * Overdue today of roll-up row `r`: openDueBefore + the open tasks due between the watermark and
 * today, probed only when the scheduled job has not yet moved the row's watermark to today.
 */
export function overdueOf(today: Date): Prisma.Sql {
  return Prisma.sql`r."openDueBefore" + CASE WHEN r."overdueAsOf" < ${today}::date THEN COALESCE((SELECT sum(d."open") FROM "RollupDue" d
    WHERE d."orgId" = r."orgId" AND d."objectiveId" = r."objectiveId" AND d."dueDate" >= r."overdueAsOf" AND d."dueDate" < ${today}::date), 0) ELSE 0 END`;
}

export type TOrgRef = { id: number; level: string; parentId: number | null };
export type TRollupRow = TCounts & { orgId: number; mainTaskId: number | null; own: boolean };

/** Federations read their roll-up rows; branches (no roll-up rows, figures.ts) read their own tasks. */
function split(orgs: TOrgRef[]): { rolled: number[]; branchTasks: Prisma.Sql } {
  const rolled = orgs.filter((o) => (ROLLUP_LEVELS as readonly string[]).includes(o.level)).map((o) => o.id);
  const branches = orgs.filter((o) => o.level === "GRASSROOTS");
  const ids = branches.map((o) => o.id);
  // A county's ~100 branches: one GIN lookup of the county's subtree (a few pages) instead of a
  // B-tree descent per branch (~300 pages when cold); "+ 0" keeps the planner off the B-tree.
  const parents = [...new Set(branches.map((o) => o.parentId ?? 0))];
  const branchTasks =
    ids.length > 5
      ? Prisma.sql`t."orgPath" && ${parents}::int[] AND t."orgId" + 0 = ANY(${ids}::int[])`
      : Prisma.sql`t."orgId" = ANY(${ids}::int[])`;
  return { rolled, branchTasks };
}

const COUNTS =
  Prisma.raw(`sum(r."pendingSign")::int AS "pendingSign", sum(r."handedBack")::int AS "handedBack", sum(r."inProgress")::int AS "inProgress",
      sum(r."submitted")::int AS "submitted", sum(r."completed")::int AS "completed", sum(r."completedOnTime")::int AS "completedOnTime",
      sum(r."progressSum")::float8 AS "progressSum"`);

/** After overdue, as in taskFigures: the open counted tasks by light. */
const LIGHTS = Prisma.raw(`sum(r.red)::int AS red, sum(r.yellow)::int AS yellow, sum(r.green)::int AS green`);

export type TReadFigures = {
  orgs: TOrgRef[];
  measureIds: number[] | null;
  today: Date;
  /** One org id: only that org's rows are split by main task; "all" (default): every org's. */
  perMainTask?: "all" | number;
  /** Also the tasks this org holds itself (本级), as rows with `own` true. */
  ownOf?: number;
};

/**
 * Figures of some orgs (not the root) under the chain rule (figures.ts), per org and main task,
 * optionally only for some measures, in one statement. With `perMainTask` = one org id, the others
 * come as one row per org with mainTaskId null (a county view then returns ~100 rows, not ~600).
 */
export async function readFigures(db: Pick<TTx, "$queryRaw">, q: TReadFigures): Promise<TRollupRow[]> {
  if (q.orgs.length === 0 && q.ownOf === undefined) return [];
  const { rolled, branchTasks } = split(q.orgs);
  const perMainTask = q.perMainTask ?? "all";
  const splitAll = perMainTask === "all";
  const splitOrg = perMainTask === "all" ? 0 : perMainTask;
  const measures = (column: Prisma.Sql) => inIdsOrAll(column, q.measureIds);
  const own =
    q.ownOf === undefined
      ? Prisma.empty
      : Prisma.sql`UNION ALL
    SELECT t."orgId", NULL, TRUE, ${taskFigures(q.today)}
    FROM "Task" t
    WHERE t."orgId" = ${q.ownOf} AND t.status <> 'CANCELLED' AND ${measures(Prisma.sql`t."objectiveId"`)}
    GROUP BY 1`;
  return db.$queryRaw<TRollupRow[]>`
    SELECT r."orgId", CASE WHEN ${splitAll} OR r."orgId" = ${splitOrg} THEN r."mainTaskId" END AS "mainTaskId", FALSE AS own,
      ${COUNTS}, sum(${overdueOf(q.today)})::int AS "overdue", ${LIGHTS}
    FROM "Rollup" r
    WHERE r."orgId" = ANY(${rolled}::int[]) AND ${measures(Prisma.sql`r."objectiveId"`)}
    GROUP BY 1, 2
    UNION ALL
    SELECT t."orgId", CASE WHEN ${splitAll} OR t."orgId" = ${splitOrg} THEN t."mainTaskId" END, FALSE, ${taskFigures(q.today)}
    FROM "Task" t
    WHERE ${branchTasks} AND t.status <> 'CANCELLED' AND ${measures(Prisma.sql`t."objectiveId"`)}
    GROUP BY 1, 2
    ${own}`;
}

export type TMeasureRow = TCounts & { orgId: number; objectiveId: number };

/** Like readFigures, per org and measure (for the heatmap's sub-item and measure columns). */
export async function readFiguresByMeasure(
  db: Pick<TTx, "$queryRaw">,
  { orgs, measureIds, today }: Pick<TReadFigures, "orgs" | "measureIds" | "today">,
): Promise<TMeasureRow[]> {
  if (orgs.length === 0) return [];
  const { rolled, branchTasks } = split(orgs);
  return db.$queryRaw<TMeasureRow[]>`
    SELECT r."orgId", r."objectiveId", r."pendingSign", r."handedBack", r."inProgress", r."submitted", r."completed", r."completedOnTime",
      r."progressSum"::float8 AS "progressSum",
      (${overdueOf(today)})::int AS "overdue", r.red, r.yellow, r.green
    FROM "Rollup" r
    WHERE r."orgId" = ANY(${rolled}::int[]) AND ${inIdsOrAll(Prisma.sql`r."objectiveId"`, measureIds)}
    UNION ALL
    SELECT t."orgId", t."objectiveId", ${taskFigures(today)}
    FROM "Task" t
    WHERE ${branchTasks} AND t.status <> 'CANCELLED' AND ${inIdsOrAll(Prisma.sql`t."objectiveId"`, measureIds)}
    GROUP BY 1, 2`;
}
