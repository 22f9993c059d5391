import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { orgInScopeSql } from "@/lib/auth/scope";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { TTaskActor } from "@/features/tasks/lib/task-permissions";
import { loadTaskForAction } from "@/features/tasks/server/load-task";
import { countTargets, resolveTargets } from "@/features/tasks/server/resolve-targets";
import { MAX_SPLIT_RECIPIENTS, type TIndicatorRecipients } from "../schemas";

export type TRecipient = { id: number; code: string; name: string; members: number };

/**
 * Who a 下达/分解 target choice reaches, in org order, each with its weight for a split by member
 * count: the sum of Org.memberCount of the open grassroots unions in its subtree (itself included).
 * The assigning org and the target rule are exactly those of the 下达 (count-targets.ts): the
 * caller's org, or for 分解 the org holding a task the caller may pass down (NOT_FOUND otherwise);
 * orgs outside its subtree are a VALIDATION error. More than MAX_SPLIT_RECIPIENTS: TOO_MANY.
 */
export async function listIndicatorRecipients(
  actor: TTaskActor,
  input: TIndicatorRecipients,
): Promise<TRecipient[]> {
  if (!actor.permissions.has("task:assign")) throw new AppError("FORBIDDEN");
  const db = getDb();
  const root = input.parentTaskId
    ? (await loadTaskForAction(db, actor, { taskId: input.parentTaskId, action: "cascade" })).orgId
    : actor.orgId;
  if ((await countTargets(db, root, input.target)) > MAX_SPLIT_RECIPIENTS) throw new AppError("TOO_MANY");
  const ids = await db.$transaction((tx) => resolveTargets(tx, root, input.target));
  // One pass over the grassroots unions of the assigning org's subtree, credited to each recipient
  // on their path (a recipient is inside the subtree, so every union under it is found).
  const rows = await db.$queryRaw<{ id: number; code: string; name: string; members: bigint | null }[]>`
    WITH members AS (
      SELECT a.id, SUM(g."memberCount")::bigint AS members
      FROM "Org" g CROSS JOIN LATERAL unnest(g."ancestorIds") AS a(id)
      WHERE ${orgInScopeSql("g", root)} AND g.level = 'GRASSROOTS' AND g."closedAt" IS NULL
        AND a.id IN (${Prisma.join(ids)})
      GROUP BY a.id
    )
    SELECT o.id, o.code, o.name, m.members
    FROM "Org" o LEFT JOIN members m ON m.id = o.id
    WHERE o.id IN (${Prisma.join(ids)})
    ORDER BY o."ancestorIds", o.id`;
  return rows.map((r) => ({ id: r.id, code: r.code, name: r.name, members: Number(r.members ?? 0) }));
}
