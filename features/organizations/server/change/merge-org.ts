import "server-only";
import { recordAudit } from "@/lib/audit/record";
import { getDb, type TDb } from "@/lib/db/client";
import { recordChanges } from "@/lib/history/record-change";
import type { TMergeOrg } from "../../schemas";
import { adjustUserCount } from "../org-counts";
import { CHANGEABLE_LEVELS, findDestination, lockChangeableOrg, type TOrgActor } from "./changeable-org";
import { retireOrg } from "./retire-org";

/**
 * Merges union A into union B (both inside the actor's subtree): A's users move to B, its open
 * tasks go to B ("transfer"; one for a measure B already holds is cancelled, with a reason naming
 * the merge) or are cancelled ("cancel"), and A closes with successor B. One transaction.
 */
export async function mergeOrg(actor: TOrgActor, input: TMergeOrg, db: TDb = getDb()) {
  const now = new Date();
  return db.$transaction(async (tx) => {
    const org = await lockChangeableOrg(tx, actor, { orgId: input.orgId, levels: CHANGEABLE_LEVELS });
    const into = await findDestination(tx, actor, {
      id: input.intoId,
      level: "GRASSROOTS",
      field: "intoId",
      not: org.id,
    });
    await tx.$queryRaw`SELECT id FROM "Org" WHERE id = ${into.id} FOR UPDATE`;
    const closeReason = `并入${into.name}`;
    const result = await retireOrg(tx, {
      actor,
      org,
      successor: into,
      choice: input.tasks,
      reason: input.reason ?? closeReason,
      collisionReason: `${closeReason}：${into.name}已承办同一措施的任务`,
      closeReason: input.tasks === "cancel" ? `${closeReason}：${input.reason}` : closeReason,
      eventType: "ORG_MERGED",
      clearStaff: false,
      now,
    });
    const users = await tx.user.count({ where: { orgId: org.id, active: true } });
    const moved = await tx.user.updateMany({ where: { orgId: org.id }, data: { orgId: into.id } });
    await adjustUserCount(tx, { orgId: org.id, delta: -users });
    await adjustUserCount(tx, { orgId: into.id, delta: users });
    await recordChanges(tx, [
      {
        entity: "ORG",
        entityId: org.id,
        action: "merge",
        changes: { successor: [null, into.name] },
        note: input.tasks === "cancel" ? (input.reason ?? null) : null,
        actorId: actor.id,
      },
      {
        entity: "ORG",
        entityId: into.id,
        action: "absorb",
        changes: { mergedFrom: [null, org.name] },
        actorId: actor.id,
      },
    ]);
    await recordAudit(
      {
        action: "org.merge",
        actor,
        target: { type: "org", id: org.id },
        detail: { into: into.id, tasks: input.tasks, ...result, users: moved.count },
      },
      tx,
    );
    return { id: org.id, intoId: into.id, ...result, users: moved.count };
  });
}
