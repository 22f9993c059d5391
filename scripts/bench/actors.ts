import { resolvePermissions, type TRole } from "@/lib/auth/permissions";
import type { TDb } from "@/lib/db/client";
import type { TTaskActor } from "@/features/tasks/lib/task-permissions";

// Session-shaped actors (as lib/auth/session.ts builds them) for the bench users of a task:
// its responsible staff member, the branch chair, and the county manager who reviews it.
export type TRushTask = {
  id: number;
  version: number;
  progress: number;
  orgId: number;
  reviewOrgId: number;
  staff: number;
  chair: number;
  manager: number;
};

export async function actorFactory(db: TDb) {
  const rows = await db.rolePermission.findMany();
  const perms = new Map(
    (["ADMIN", "MANAGER", "CHAIR", "STAFF"] as TRole[]).map((role) => [role, resolvePermissions(rows, role)]),
  );
  const actor = (id: number, orgId: number, role: TRole): TTaskActor => ({
    id,
    orgId,
    permissions: perms.get(role)!,
  });
  return {
    staff: (t: TRushTask) => actor(t.staff, t.orgId, "STAFF"),
    chair: (t: TRushTask) => actor(t.chair, t.orgId, "CHAIR"),
    manager: (t: TRushTask) => actor(t.manager, t.reviewOrgId, "MANAGER"),
  };
}

/**
 * `n` distinct open tasks of bench branches, in progress and below 80%, spread over the whole
 * country (a Bernoulli sample of the task table), with the users who act on them.
 */
export async function sampleTasks(db: TDb, n: number, seed: number): Promise<TRushTask[]> {
  const [row] = await db.$queryRaw<
    { total: number }[]
  >`SELECT reltuples::float8 AS total FROM pg_class WHERE relname = 'Task'`;
  const total = row?.total ?? 0;
  const percent = Math.min(100, ((n * 8) / Math.max(total, 1)) * 100);
  return db.$queryRawUnsafe<TRushTask[]>(`
    SELECT t.id, t.version, t.progress, t."orgId", t."reviewOrgId", t."responsibleId" AS staff, c.id AS chair, m.id AS manager
    FROM "Task" t TABLESAMPLE BERNOULLI (${percent}) REPEATABLE (${seed})
    JOIN "User" c ON c.username = 'bench.c.' || t."orgId"
    JOIN "User" m ON m.username = 'bench.m.' || t."reviewOrgId"
    WHERE t.status = 'IN_PROGRESS' AND t.progress < 80 AND t."responsibleId" IS NOT NULL AND t."parentTaskId" IS NULL
    ORDER BY hashint8extended(t.id, ${seed}) LIMIT ${n}`);
}
