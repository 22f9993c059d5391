import { Prisma } from "@/lib/generated/prisma/client";

// A task passed down (it has children that are not cancelled) takes its indicator actuals from
// them: SUM adds the children's actuals, AVERAGE takes their exact mean to 6 decimal places;
// children that have not reported (NULL) are left out, and NULL when none has. A task with no
// child left keeps its actual as it was (its holder may report it again), like its progress.

/**
 * The new actual of `indicator` of task `parentId`, from its children's TaskIndicator rows, as a
 * scalar subquery. `substitute` replaces one child's liveness and value (the child changed in the
 * same statement, whose rows the statement's snapshot shows as they were); `keep` is the value
 * when no child is live.
 */
export function childrenActualSql(a: {
  parentId: Prisma.Sql;
  indicator: Prisma.Sql;
  keep: Prisma.Sql;
  substitute?: { childId: Prisma.Sql; live: Prisma.Sql; value: Prisma.Sql };
}): Prisma.Sql {
  const s = a.substitute;
  const liveExpr = s
    ? Prisma.sql`CASE WHEN c.id = ${s.childId} THEN ${s.live} ELSE c.status <> 'CANCELLED' END`
    : Prisma.sql`c.status <> 'CANCELLED'`;
  const valueExpr = s
    ? Prisma.sql`CASE WHEN c.id = ${s.childId} THEN ${s.value} ELSE cti.actual END`
    : Prisma.sql`cti.actual`;
  return Prisma.sql`(SELECT CASE
        WHEN count(*) FILTER (WHERE x.live) = 0 THEN ${a.keep}
        WHEN (SELECT i.aggregation FROM "Indicator" i WHERE i.id = ${a.indicator}) = 'AVERAGE'
          THEN round(avg(x.v) FILTER (WHERE x.live), 6)
        ELSE round(sum(x.v) FILTER (WHERE x.live), 6) END
      FROM (SELECT ${liveExpr} AS live, ${valueExpr} AS v
        FROM "Task" c LEFT JOIN "TaskIndicator" cti ON cti."taskId" = c.id AND cti."indicatorId" = ${a.indicator}
        WHERE c."parentTaskId" = ${a.parentId}) x)`;
}
