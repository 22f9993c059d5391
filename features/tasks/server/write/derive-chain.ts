import { Prisma } from "@/lib/generated/prisma/client";
import type { TDerivedMove } from "@/features/rollups/server/apply-delta";
import { countedProgressSql, openStatusSql } from "@/lib/task-status-sql";
import { parentLightDeltas, parentLightSql } from "@/features/lights/server/light-ctes";

// A task passed down (分解) takes its progress from its children: the exact mean (6 decimal
// places) of the children that are not cancelled, a completed child counting 100. A change of a
// task re-derives every task above it in its chain in the same statement. The chain's rows are
// locked first (apply-change.ts), so the siblings read here are the committed ones.

/** A task above the changed one: its id, its holder's path and where it counts (Task.countFrom). */
export type TChainLink = { id: number; orgPath: number[]; countFrom: number };

const mean = (rows: Prisma.Sql) => Prisma.sql`(SELECT round(avg(x.v)::numeric, 6)::float8 FROM (${rows}) x)`;

/** The new progress of a task that derives it from its children (分解 of the task itself). */
export function derivedFromChildrenSql(taskId: number): Prisma.Sql {
  return mean(
    Prisma.sql`SELECT ${countedProgressSql("c.status", "c.progress")} AS v FROM "Task" c WHERE c."parentTaskId" = ${taskId} AND c.status <> 'CANCELLED'`,
  );
}

/**
 * CTEs p1 … pn (the parent, the grandparent …: id, status, old, new progress) and pu1 … pun
 * (their updates), given the changed task's counted progress afterwards (`childValue`, NULL when
 * it is cancelled). Returns the roll-up moves of the parents' regions.
 */
export function deriveChainCtes(a: {
  taskId: number;
  chain: TChainLink[];
  childValue: Prisma.Sql;
  /** The change's time: a parent whose progress moves is relit for this day in China. */
  now: Date;
}): { ctes: Prisma.Sql[]; moves: TDerivedMove[] } {
  const ctes: Prisma.Sql[] = [];
  const moves: TDerivedMove[] = [];
  let childId = a.taskId;
  let childValue = a.childValue;
  a.chain.forEach((link, i) => {
    const name = Prisma.raw(`p${i + 1}`);
    const siblings = Prisma.sql`
      SELECT CASE WHEN c.id = ${childId} THEN ${childValue} ELSE ${countedProgressSql("c.status", "c.progress")} END AS v
      FROM "Task" c WHERE c."parentTaskId" = p.id AND (c.id = ${childId} OR c.status <> 'CANCELLED')`;
    // The light (old: light, new: nlight) follows the derived progress (features/lights).
    ctes.push(Prisma.sql`${name} AS (
      SELECT p.*, CASE WHEN p.new IS DISTINCT FROM p.old THEN ${parentLightSql(Prisma.sql`p.new`, a.now)} ELSE p.light END AS nlight
      FROM (SELECT p.id, p.status, p.progress AS old,
        CASE WHEN ${openStatusSql("p.status")} THEN COALESCE(${mean(siblings)}, p.progress) ELSE p.progress END AS new,
        p.light, p."dueDate", p."createdAt", p."reportFlag", p."reviewOrgId"
      FROM "Task" p WHERE p.id = ${link.id}) p)`);
    ctes.push(Prisma.sql`${Prisma.raw(`pu${i + 1}`)} AS (
      UPDATE "Task" t SET progress = ${name}.new, light = ${name}.nlight FROM ${name}, upd WHERE t.id = ${name}.id AND ${name}.new IS DISTINCT FROM ${name}.old
      RETURNING t.id)`);
    // The parent's own path: after a tree change the task below may no longer be under the
    // parent's holder (a union moved to another county keeps its chain), so the task's path
    // does not tell where the parent counts.
    moves.push({
      orgPath: link.orgPath,
      countFrom: link.countFrom,
      progressDelta: Prisma.sql`(SELECT new - old FROM ${name})`,
      lights: parentLightDeltas(name),
    });
    childId = link.id;
    // A cancelled parent leaves its own parent's mean (NULL), like a cancelled sibling.
    childValue = Prisma.sql`(SELECT CASE WHEN status = 'CANCELLED' THEN NULL ELSE ${countedProgressSql("status", "new")} END FROM ${name})`;
  });
  return { ctes, moves };
}
