import { Prisma } from "@/lib/generated/prisma/client";
import { OPEN_STATUSES } from "@/lib/task-status";
import {
  DEFAULT_DUE_SOON_DAYS,
  DEFAULT_LAG_POINTS,
  LIGHT_REASONS,
  REASON_LIGHT,
  type TLightReason,
} from "./light";

// light.ts's rule as SQL, generated from its constants (reasons, their colours, defaults, open
// statuses): light-rule.test.ts checks both on many random tasks. No "server-only": the jobs,
// the benchmark and the tests use it.

/** SQL expressions of one task's inputs (columns or parameters) and of "today" (a date). */
export type TLightSqlInput = {
  status: Prisma.Sql;
  dueDate: Prisma.Sql;
  createdAt: Prisma.Sql;
  progress: Prisma.Sql;
  reportFlag: Prisma.Sql;
  dueSoonDays: Prisma.Sql;
  lagPoints: Prisma.Sql;
  today: Prisma.Sql;
};

const OPEN_LIST = Prisma.raw(OPEN_STATUSES.map((s) => `'${s}'`).join(", "));

function reasonSql(r: TLightReason, x: TLightSqlInput): Prisma.Sql {
  const left = Prisma.sql`((${x.dueDate})::date - (${x.today})::date)`;
  const start = Prisma.sql`((${x.createdAt}) AT TIME ZONE 'UTC' AT TIME ZONE 'Asia/Shanghai')::date`;
  const span = Prisma.sql`((${x.dueDate})::date - ${start})`;
  switch (r) {
    case "OVERDUE":
      return Prisma.sql`${left} < 0`;
    case "MISSING":
      return Prisma.sql`(${x.reportFlag})::text = 'MISSING'`;
    case "DUE_SOON":
      return Prisma.sql`(${left} >= 0 AND ${left} <= (${x.dueSoonDays})::int)`;
    case "LAGGING":
      // elapsedShare: e/s days, a task with no time has used it all (1/1); see light.ts.
      return Prisma.sql`(100::float8 * (CASE WHEN ${span} <= 0 THEN 1 ELSE LEAST(GREATEST((${x.today})::date - ${start}, 0), ${span}) END)::float8
        > ((${x.lagPoints})::float8 + (${x.progress})::float8) * (CASE WHEN ${span} <= 0 THEN 1 ELSE ${span} END)::float8)`;
    case "LATE":
      return Prisma.sql`(${x.reportFlag})::text = 'LATE'`;
  }
}

const anyOf = (x: TLightSqlInput, colour: "RED" | "YELLOW") =>
  Prisma.join(
    LIGHT_REASONS.filter((r) => REASON_LIGHT[r] === colour).map((r) => reasonSql(r, x)),
    " OR ",
  );

/** The light of one task as a "TaskLight" value (NULL when not open): light.ts#taskLight. */
export function lightSql(x: TLightSqlInput): Prisma.Sql {
  return Prisma.sql`(CASE WHEN (${x.status})::text NOT IN (${OPEN_LIST}) THEN NULL
    WHEN ${anyOf(x, "RED")} THEN 'RED'
    WHEN ${anyOf(x, "YELLOW")} THEN 'YELLOW'
    ELSE 'GREEN' END)::"TaskLight"`;
}

/** A federation's N (days) and X (points) joined as alias `ws` with the defaults: `LEFT JOIN … ws`. */
export const SETTING_N = Prisma.sql`COALESCE(ws."dueSoonDays", ${Prisma.raw(String(DEFAULT_DUE_SOON_DAYS))})`;
export const SETTING_X = Prisma.sql`COALESCE(ws."lagPoints", ${Prisma.raw(String(DEFAULT_LAG_POINTS))})`;
export const JOIN_SETTING_OF_T = Prisma.sql`LEFT JOIN "WarningSetting" ws ON ws."orgId" = t."reviewOrgId"`;

/** The light of task row `t` (with JOIN_SETTING_OF_T) as it stands, on day `today`. */
export function taskRowLightSql(today: Date): Prisma.Sql {
  return lightSql({
    status: Prisma.sql`t.status`,
    dueDate: Prisma.sql`t."dueDate"`,
    createdAt: Prisma.sql`t."createdAt"`,
    progress: Prisma.sql`t.progress`,
    reportFlag: Prisma.sql`t."reportFlag"`,
    dueSoonDays: SETTING_N,
    lagPoints: SETTING_X,
    today: Prisma.sql`${today}::date`,
  });
}

/** +1/−1/0: how the count of `colour` moves when a light goes from `before` to `after` (SQL values). */
export function lightMoveSql(
  colour: "RED" | "YELLOW" | "GREEN",
  before: Prisma.Sql,
  after: Prisma.Sql,
): Prisma.Sql {
  const c = Prisma.raw(`'${colour}'`);
  return Prisma.sql`((${after} IS NOT DISTINCT FROM ${c}::"TaskLight")::int - (${before} IS NOT DISTINCT FROM ${c}::"TaskLight")::int)`;
}

/** The Rollup red/yellow/green moves of one light change, as SQL values. */
export type TLightDeltas = { red: Prisma.Sql; yellow: Prisma.Sql; green: Prisma.Sql };

export function lightDeltasSql(before: Prisma.Sql, after: Prisma.Sql): TLightDeltas {
  return {
    red: lightMoveSql("RED", before, after),
    yellow: lightMoveSql("YELLOW", before, after),
    green: lightMoveSql("GREEN", before, after),
  };
}
