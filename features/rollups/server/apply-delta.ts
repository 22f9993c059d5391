import type { TTx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { isOpen } from "@/lib/task-status";
import { chinaToday } from "@/lib/dates";
import { difference, dueChanges, isZero, type TTaskSnap } from "../lib/contribution";
import { regionsOf, ROLLUP_LEVELS_SQL, ROLLUP_ORGS_OF_T, type TFeeds } from "./figures";
import type { TLightDeltas } from "@/features/lights/lib/light-sql";
import { relightWhere } from "@/features/lights/server/relight";

// No "server-only": benchmark and test scripts call this too.
export type TTaskRollupSnap = TTaskSnap & TFeeds & { objectiveId: number; mainTaskId: number };

/** The Task columns of a TTaskRollupSnap, for a Prisma `select`. */
export const ROLLUP_SNAP_SELECT = {
  status: true,
  progress: true,
  dueDate: true,
  completedAt: true,
  objectiveId: true,
  mainTaskId: true,
  orgPath: true,
  countFrom: true,
} as const;

/** The progress of a task passed down earlier in its chain, re-derived in the same statement. */
export type TDerivedMove = TFeeds & { progressDelta: Prisma.Sql; lights?: TLightDeltas };

export type TRollupChange = TFeeds & {
  objectiveId: number;
  mainTaskId: number;
  before: TTaskSnap | null;
  after: TTaskSnap | null;
  /** Replaces the progressSum difference when the statement reads the progress from the locked row. */
  progressDelta?: Prisma.Sql;
  /** The parents' derived progress changes (their regions lie above the task's: disjoint rows). */
  derived?: TDerivedMove[];
  /** The task's red/yellow/green moves (SQL: the light is computed in the statement, features/lights). */
  lights?: TLightDeltas;
  /**
   * Lock (upsert) the parents' region rows even where their progress does not move: they guard
   * the IndicatorRollup rows of the same (org, measure), which the statement moves afterwards.
   */
  lockDerived?: boolean;
};

const ZERO_LIGHTS: TLightDeltas = { red: Prisma.sql`0`, yellow: Prisma.sql`0`, green: Prisma.sql`0` };

const regionRows = (regions: number[]) =>
  Prisma.sql`unnest(${regions}::int[]) AS g(o) JOIN "Org" ro ON ro.id = g.o AND ro.level IN (${ROLLUP_LEVELS_SQL})`;

/** The parents' progress moves, one upsert over their regions in ascending org id. */
function derivedCte(c: TRollupChange & { derived: TDerivedMove[] }): Prisma.Sql {
  const { objectiveId, mainTaskId, derived: moves } = c;
  const rows = Prisma.join(
    moves.map(
      (m) =>
        Prisma.sql`SELECT g.o, round((${m.progressDelta})::numeric, 6) AS p,
          ${(m.lights ?? ZERO_LIGHTS).red}::int AS lr, ${(m.lights ?? ZERO_LIGHTS).yellow}::int AS ly, ${(m.lights ?? ZERO_LIGHTS).green}::int AS lg
          FROM cur, ${regionRows(regionsOf(m))}`,
    ),
    " UNION ALL ",
  );
  return Prisma.sql`roll_up AS (
    INSERT INTO "Rollup" AS r ("orgId", "objectiveId", "mainTaskId", "progressSum", "red", "yellow", "green")
    SELECT x.o, ${objectiveId}, ${mainTaskId}, x.p, x.lr, x.ly, x.lg FROM (${rows}) x
    WHERE x.p <> 0 OR x.lr <> 0 OR x.ly <> 0 OR x.lg <> 0 OR ${c.lockDerived ?? false} ORDER BY x.o
    ON CONFLICT ("orgId", "objectiveId") DO UPDATE SET "progressSum" = r."progressSum" + EXCLUDED."progressSum",
      "red" = r."red" + EXCLUDED."red", "yellow" = r."yellow" + EXCLUDED."yellow", "green" = r."green" + EXCLUDED."green"
    RETURNING r."orgId")`;
}

/**
 * The roll-up change of one task (before → after; null = did not exist) as CTEs for a statement
 * that has a CTE `cur`: they run only when `cur` has a row (e.g. the task row, locked and still at
 * the version the caller checked). Rows are locked in ascending org id (ancestors have smaller
 * ids), the order every writer uses, so writers never deadlock: first the parents' regions
 * (`roll_up`, when the change re-derives their progress), then the task's own (`roll`), then its
 * open tasks per due date (`due`; the Rollup row of (org, measure) guards that pair's RollupDue
 * rows). Null when nothing moves.
 */
export function rollupChangeCtes(c: TRollupChange): Prisma.Sql | null {
  const { before, after } = c;
  const d = difference(before, after);
  const moves = dueChanges(before, after);
  const derived = c.derived?.length ? derivedCte({ ...c, derived: c.derived }) : null;
  const onlyLights = isZero(d) && moves.length === 0 && !c.progressDelta;
  if (onlyLights && !c.lights) return derived;
  const l = c.lights ?? ZERO_LIGHTS;
  // When only the light may move, regions are touched only if it does.
  const lightsOnly = onlyLights
    ? Prisma.sql`WHERE ${l.red} <> 0 OR ${l.yellow} <> 0 OR ${l.green} <> 0`
    : Prisma.empty;
  const openB = before && isOpen(before.status) ? 1 : 0;
  const openA = after && isOpen(after.status) ? 1 : 0;
  const dueB = before?.dueDate ?? after!.dueDate;
  const dueA = after?.dueDate ?? before!.dueDate;
  const afterDerived = derived ? Prisma.sql`, (SELECT count(*) FROM roll_up) AS dep` : Prisma.empty;
  const roll = Prisma.sql`roll AS (
    INSERT INTO "Rollup" AS r ("orgId", "objectiveId", "mainTaskId", "pendingSign", "handedBack", "inProgress",
      "submitted", "completed", "completedOnTime", "progressSum", "red", "yellow", "green")
    SELECT g.o, ${c.objectiveId}, ${c.mainTaskId}, ${d.pendingSign}, ${d.handedBack}, ${d.inProgress},
      ${d.submitted}, ${d.completed}, ${d.completedOnTime}, round((${c.progressDelta ?? d.progressSum})::numeric, 6),
      ${l.red}::int, ${l.yellow}::int, ${l.green}::int
    FROM cur${afterDerived}, ${regionRows(regionsOf(c))} ${lightsOnly} ORDER BY g.o
    ON CONFLICT ("orgId", "objectiveId") DO UPDATE SET
      "pendingSign" = r."pendingSign" + EXCLUDED."pendingSign",
      "handedBack" = r."handedBack" + EXCLUDED."handedBack",
      "inProgress" = r."inProgress" + EXCLUDED."inProgress",
      "submitted" = r."submitted" + EXCLUDED."submitted",
      "completed" = r."completed" + EXCLUDED."completed",
      "completedOnTime" = r."completedOnTime" + EXCLUDED."completedOnTime",
      "progressSum" = r."progressSum" + EXCLUDED."progressSum",
      "red" = r."red" + EXCLUDED."red",
      "yellow" = r."yellow" + EXCLUDED."yellow",
      "green" = r."green" + EXCLUDED."green",
      "openDueBefore" = r."openDueBefore"
        + (CASE WHEN ${dueA}::date < r."overdueAsOf" THEN ${openA}::int ELSE 0 END)
        - (CASE WHEN ${dueB}::date < r."overdueAsOf" THEN ${openB}::int ELSE 0 END)
    RETURNING r."orgId")`;
  const head = derived ? Prisma.sql`${derived}, ${roll}` : roll;
  if (moves.length === 0) return head;
  const values = Prisma.join(moves.map(([due, n]) => Prisma.sql`(${due}::date, ${n}::int)`));
  return Prisma.sql`${head},
  due AS (
    INSERT INTO "RollupDue" AS d ("orgId", "objectiveId", "dueDate", "open")
    SELECT roll."orgId", ${c.objectiveId}, m.due, m.n FROM roll, (VALUES ${values}) AS m(due, n) ORDER BY 1, 3
    ON CONFLICT ("orgId", "objectiveId", "dueDate") DO UPDATE SET "open" = d."open" + EXCLUDED."open")`;
}

/** Adds a new task (e.g. a claim) to the roll-ups of the regions it counts in, in the caller's transaction. */
export async function addTaskToRollups(tx: TTx, task: TTaskRollupSnap): Promise<void> {
  const ctes = rollupChangeCtes({ ...task, before: null, after: task });
  if (ctes) await tx.$executeRaw`WITH cur AS (SELECT 1), ${ctes} SELECT 1`;
}

/** Adds a whole 下达 batch (new PENDING_SIGN tasks, one due date) to the roll-ups with two set-based statements. */
export async function applyBatch(tx: TTx, batchId: number, dueDate: Date): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO "Rollup" AS r ("orgId", "objectiveId", "mainTaskId", "pendingSign", "openDueBefore")
    SELECT a.org, t."objectiveId", t."mainTaskId", count(*)::int, 0
    FROM "Task" t ${ROLLUP_ORGS_OF_T}
    WHERE t."batchId" = ${batchId}
    GROUP BY a.org, t."objectiveId", t."mainTaskId"
    ORDER BY a.org, t."objectiveId"
    ON CONFLICT ("orgId", "objectiveId") DO UPDATE SET
      "pendingSign" = r."pendingSign" + EXCLUDED."pendingSign",
      "openDueBefore" = r."openDueBefore" + (CASE WHEN ${dueDate}::date < r."overdueAsOf" THEN EXCLUDED."pendingSign" ELSE 0 END)`;
  await tx.$executeRaw`
    INSERT INTO "RollupDue" AS d ("orgId", "objectiveId", "dueDate", "open")
    SELECT a.org, t."objectiveId", t."dueDate", count(*)::int
    FROM "Task" t ${ROLLUP_ORGS_OF_T}
    WHERE t."batchId" = ${batchId}
    GROUP BY a.org, t."objectiveId", t."dueDate"
    ORDER BY a.org, t."objectiveId", t."dueDate"
    ON CONFLICT ("orgId", "objectiveId", "dueDate") DO UPDATE SET "open" = d."open" + EXCLUDED."open"`;
  // The batch's lights (features/lights), counted into the rows just locked.
  await relightWhere(tx, Prisma.sql`t."batchId" = ${batchId}`, chinaToday());
}
