import { Prisma } from "@/lib/generated/prisma/client";
import { regionsOf, ROLLUP_LEVELS_SQL } from "@/features/rollups/server/figures";
import type { TTaskStatus } from "@/lib/task-status";
import { decimalText, type TIndicatorValue } from "../lib/indicator-values";
import { childrenActualSql } from "./derive-actuals";

// The indicator part of a task change (进展 with values, 撤销 in any path, 分解 of the task
// itself), as CTEs of the change's ONE statement (write/statement.ts). They read `cur` (the task
// row, locked and still at the checked version), so they run only when the change applies.
//
// - ind_self: the task's TaskIndicator rows, locked (FOR UPDATE returns the newest committed
//   values, also when a child changed them after the statement's snapshot), with the new actual.
// - ip1 … ipn: each task above it in its chain re-derives its actuals from its children (the
//   changed one substituted by its new value), like derive-chain.ts does for progress. The chain's
//   task rows are locked before the statement (apply-change.ts), so siblings read here are committed.
// - ind_roll: the IndicatorRollup rows of the task's regions and the parents' regions move by
//   (after − before), one upsert in ascending (org, indicator), after the Rollup rows (`roll`).
// - ind_log: every actual changed above (the task's and its parents') appended to TaskIndicatorLog
//   at the change's time, so that an actual on any past day can be read back (考评). Never before
//   the row's latest entry: a sibling whose change took its time earlier but waited for the chain's
//   lock writes after it, and its value is the newer one.

export type TIndicatorChange = {
  taskId: number;
  orgPath: readonly number[];
  countFrom: number;
  /** The tasks above, parent first, each with its own path (a moved child is not under its parent). */
  chain: readonly { id: number; orgPath: readonly number[]; countFrom: number }[];
  statusBefore: TTaskStatus;
  statusAfter: TTaskStatus;
  /** Typed cumulative actuals (a task not passed down). */
  values?: readonly TIndicatorValue[];
  /** The task was just passed down (分解): its actuals now derive from its children. */
  derived?: boolean;
  /** The change's time (TaskIndicatorLog.at). */
  now: Date;
  /** The statement has a `roll` CTE (the Rollup rows of the task's regions): lock those first. */
  afterRoll: boolean;
};

const live = (s: TTaskStatus) => (s === "CANCELLED" ? 0 : 1);

/** Whether the change can move an actual or an IndicatorRollup row at all. */
export function touchesIndicators(c: Omit<TIndicatorChange, "afterRoll" | "now">): boolean {
  return !!c.values?.length || !!c.derived || live(c.statusBefore) !== live(c.statusAfter);
}

const regionRows = (regions: number[]) =>
  Prisma.sql`unnest(${regions}::int[]) AS g(o) JOIN "Org" ro ON ro.id = g.o AND ro.level IN (${ROLLUP_LEVELS_SQL})`;

function selfCte(c: TIndicatorChange): Prisma.Sql {
  const ids = (c.values ?? []).map((v) => v.indicatorId);
  const vals = (c.values ?? []).map((v) => decimalText(v.value));
  const typed = Prisma.sql`(SELECT round(v.value, 6) FROM unnest(${ids}::int[], ${vals}::numeric[]) AS v(id, value)
    WHERE v.id = ti."indicatorId")`;
  const next = c.derived
    ? childrenActualSql({
        parentId: Prisma.sql`${c.taskId}::int`,
        indicator: Prisma.sql`ti."indicatorId"`,
        keep: Prisma.sql`ti.actual`,
      })
    : c.values?.length
      ? Prisma.sql`COALESCE(${typed}, ti.actual)`
      : Prisma.sql`ti.actual`;
  return Prisma.sql`ind_self AS MATERIALIZED (
    SELECT ti."indicatorId" AS ind, ti.target, ti.actual AS old, ${next} AS new
    FROM "TaskIndicator" ti JOIN cur ON ti."taskId" = cur.id
    ORDER BY ti."indicatorId" FOR UPDATE OF ti)`;
}

/** The CTEs (empty when the change cannot move an indicator) and the timeline's `changes` part. */
export function indicatorChangeCtes(c: TIndicatorChange): {
  ctes: Prisma.Sql[];
  eventJson: Prisma.Sql | null;
} {
  if (!touchesIndicators(c)) return { ctes: [], eventJson: null };
  const ctes: Prisma.Sql[] = [selfCte(c)];
  ctes.push(Prisma.sql`ind_self_upd AS (
    UPDATE "TaskIndicator" x SET actual = s.new FROM ind_self s
    WHERE x."taskId" = ${c.taskId} AND x."indicatorId" = s.ind AND s.new IS DISTINCT FROM s.old
    RETURNING x."taskId", x."indicatorId", x.actual)`);
  const logged = [Prisma.sql`SELECT * FROM ind_self_upd`];
  const bL = live(c.statusBefore);
  const aL = live(c.statusAfter);
  const deltas: Prisma.Sql[] = [
    Prisma.sql`SELECT g.o, s.ind, ${aL - bL}::int AS tasks,
        (${aL - bL}::int * (s.target IS NOT NULL)::int) AS targeted,
        (${aL}::int * (s.new IS NOT NULL)::int - ${bL}::int * (s.old IS NOT NULL)::int) AS reported,
        (${aL - bL}::int * COALESCE(s.target, 0)) AS ts,
        (${aL}::int * COALESCE(s.new, 0) - ${bL}::int * COALESCE(s.old, 0)) AS acs
      FROM ind_self s, ${regionRows(regionsOf(c))}`,
  ];
  // Each parent re-derives from its children, the changed one substituted (NULL/not live when cancelled).
  let childId: Prisma.Sql = Prisma.sql`${c.taskId}::int`;
  let childLive: Prisma.Sql = Prisma.sql`${aL === 1}::boolean`;
  let childValue = (ind: Prisma.Sql) => Prisma.sql`(SELECT s.new FROM ind_self s WHERE s.ind = ${ind})`;
  c.chain.forEach((link, i) => {
    const name = Prisma.raw(`ip${i + 1}`);
    const value = childValue;
    const next = childrenActualSql({
      parentId: Prisma.sql`${link.id}::int`,
      indicator: Prisma.sql`pti."indicatorId"`,
      keep: Prisma.sql`pti.actual`,
      substitute: { childId, live: childLive, value: value(Prisma.sql`pti."indicatorId"`) },
    });
    ctes.push(Prisma.sql`${name} AS MATERIALIZED (
      SELECT pti."indicatorId" AS ind, pti.actual AS old, (pt.status <> 'CANCELLED') AS live, ${next} AS new
      FROM "TaskIndicator" pti JOIN "Task" pt ON pt.id = pti."taskId", cur
      WHERE pti."taskId" = ${link.id})`);
    ctes.push(Prisma.sql`${Prisma.raw(`ipu${i + 1}`)} AS (
      UPDATE "TaskIndicator" x SET actual = p.new FROM ${name} p
      WHERE x."taskId" = ${link.id} AND x."indicatorId" = p.ind AND p.new IS DISTINCT FROM p.old
      RETURNING x."taskId", x."indicatorId", x.actual)`);
    logged.push(Prisma.sql`SELECT * FROM ${Prisma.raw(`ipu${i + 1}`)}`);
    deltas.push(Prisma.sql`SELECT g.o, p.ind, 0 AS tasks, 0 AS targeted,
        (p.live::int * ((p.new IS NOT NULL)::int - (p.old IS NOT NULL)::int)) AS reported,
        0::numeric AS ts,
        (p.live::int * (COALESCE(p.new, 0) - COALESCE(p.old, 0))) AS acs
      FROM ${name} p, ${regionRows(regionsOf({ orgPath: [...link.orgPath], countFrom: link.countFrom }))}`);
    childId = Prisma.sql`${link.id}::int`;
    childLive = Prisma.sql`(SELECT t.status <> 'CANCELLED' FROM "Task" t WHERE t.id = ${link.id})`;
    childValue = (ind) => Prisma.sql`(SELECT p.new FROM ${name} p WHERE p.ind = ${ind})`;
  });
  ctes.push(Prisma.sql`ind_log AS (
    INSERT INTO "TaskIndicatorLog" ("taskId", "indicatorId", actual, at)
    SELECT l."taskId", l."indicatorId", l.actual, GREATEST(${c.now}::timestamptz, (SELECT max(x.at)
      FROM "TaskIndicatorLog" x WHERE x."taskId" = l."taskId" AND x."indicatorId" = l."indicatorId"))
    FROM (${Prisma.join(logged, " UNION ALL ")}) l RETURNING 1)`);
  const dep = c.afterRoll ? Prisma.sql`WHERE (SELECT count(*) FROM roll) >= 0` : Prisma.empty;
  ctes.push(Prisma.sql`ind_roll AS (
    INSERT INTO "IndicatorRollup" AS r ("orgId", "indicatorId", tasks, targeted, reported, "targetSum", "actualSum")
    SELECT x.o, x.ind, sum(x.tasks)::int, sum(x.targeted)::int, sum(x.reported)::int, sum(x.ts), sum(x.acs)
    FROM (${Prisma.join(deltas, " UNION ALL ")}) x ${dep}
    GROUP BY x.o, x.ind
    HAVING sum(x.tasks) <> 0 OR sum(x.targeted) <> 0 OR sum(x.reported) <> 0 OR sum(x.ts) <> 0 OR sum(x.acs) <> 0
    ORDER BY x.o, x.ind
    ON CONFLICT ("orgId", "indicatorId") DO UPDATE SET
      tasks = r.tasks + EXCLUDED.tasks,
      targeted = r.targeted + EXCLUDED.targeted,
      reported = r.reported + EXCLUDED.reported,
      "targetSum" = r."targetSum" + EXCLUDED."targetSum",
      "actualSum" = r."actualSum" + EXCLUDED."actualSum"
    RETURNING 1)`);
  const eventJson = c.values?.length
    ? Prisma.sql`COALESCE((SELECT jsonb_build_object('indicators', jsonb_object_agg(s.ind::text,
        jsonb_build_array(s.old::text, s.new::text))) FROM ind_self s WHERE s.new IS DISTINCT FROM s.old), '{}'::jsonb)`
    : null;
  return { ctes, eventJson };
}
