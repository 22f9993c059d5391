import { Prisma } from "@/lib/generated/prisma/client";
import { chinaToday } from "@/lib/dates";
import type { TTaskStatus } from "@/lib/task-status";
import { lightDeltasSql, lightSql, SETTING_N, SETTING_X, type TLightDeltas } from "../lib/light-sql";

// The light's part of the one change statement (features/tasks/server/write/statement.ts) and of
// the chain's re-derived parents (derive-chain.ts). No "server-only": the tests build statements too.

/** Columns the statement's `cur` CTE must read from the locked task row for the light. */
export const CUR_LIGHT_COLUMNS = Prisma.sql`t.light, t."createdAt", t."reportFlag", t."reviewOrgId"`;

/**
 * CTE `nl` (old, new light of the changed task), given its status and due date afterwards and the
 * progress afterwards from CTE `np` (v): the rest from the locked row (`cur`). Day: `now` in China.
 */
export function newLightCte(
  after: { status: TTaskStatus; dueDate: Date },
  now: Date,
  /** The task's reportFlag afterwards (a period report may change it); default: the locked row's. */
  reportFlag: Prisma.Sql = Prisma.sql`cur."reportFlag"`,
): Prisma.Sql {
  const light = lightSql({
    status: Prisma.sql`${after.status}::text`,
    dueDate: Prisma.sql`${after.dueDate}::date`,
    createdAt: Prisma.sql`cur."createdAt"`,
    progress: Prisma.sql`np.v`,
    reportFlag,
    dueSoonDays: SETTING_N,
    lagPoints: SETTING_X,
    today: Prisma.sql`${chinaToday(now)}::date`,
  });
  return Prisma.sql`nl AS MATERIALIZED (
      SELECT cur.light AS old, ${light} AS new
      FROM cur CROSS JOIN np LEFT JOIN "WarningSetting" ws ON ws."orgId" = cur."reviewOrgId")`;
}

/** The SET item of the task's UPDATE. */
export const SET_NEW_LIGHT = Prisma.sql`light = (SELECT new FROM nl)`;

/** The task's red/yellow/green moves, read from `nl`. */
export const TASK_LIGHT_DELTAS: TLightDeltas = (() => {
  const d = lightDeltasSql(Prisma.sql`nl.old`, Prisma.sql`nl.new`);
  return {
    red: Prisma.sql`(SELECT ${d.red} FROM nl)`,
    yellow: Prisma.sql`(SELECT ${d.yellow} FROM nl)`,
    green: Prisma.sql`(SELECT ${d.green} FROM nl)`,
  };
})();

/**
 * A re-derived parent's light, in its CTE `p` (alias of the parent's row `p`, `newProgress` its
 * derived progress): relit only when its progress moves (the pu update writes only then).
 */
export function parentLightSql(newProgress: Prisma.Sql, now: Date): Prisma.Sql {
  return lightSql({
    status: Prisma.sql`p.status`,
    dueDate: Prisma.sql`p."dueDate"`,
    createdAt: Prisma.sql`p."createdAt"`,
    progress: newProgress,
    reportFlag: Prisma.sql`p."reportFlag"`,
    dueSoonDays: Prisma.sql`(SELECT ${SETTING_N} FROM (SELECT 1) z LEFT JOIN "WarningSetting" ws ON ws."orgId" = p."reviewOrgId")`,
    lagPoints: Prisma.sql`(SELECT ${SETTING_X} FROM (SELECT 1) z LEFT JOIN "WarningSetting" ws ON ws."orgId" = p."reviewOrgId")`,
    today: Prisma.sql`${chinaToday(now)}::date`,
  });
}

/** The red/yellow/green moves of parent CTE `name` (columns light, nlight). */
export function parentLightDeltas(name: Prisma.Sql): TLightDeltas {
  const d = lightDeltasSql(Prisma.sql`light`, Prisma.sql`nlight`);
  return {
    red: Prisma.sql`(SELECT ${d.red} FROM ${name})`,
    yellow: Prisma.sql`(SELECT ${d.yellow} FROM ${name})`,
    green: Prisma.sql`(SELECT ${d.green} FROM ${name})`,
  };
}
