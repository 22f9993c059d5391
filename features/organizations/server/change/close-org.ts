import "server-only";
import { recordAudit } from "@/lib/audit/record";
import { revokeUserSessions } from "@/lib/auth/user-sessions";
import { getDb, type TDb } from "@/lib/db/client";
import { recordChanges } from "@/lib/history/record-change";
import type { TCloseOrg } from "../../schemas";
import { adjustUserCount } from "../org-counts";
import { CHANGEABLE_LEVELS, findDestination, lockChangeableOrg, type TOrgActor } from "./changeable-org";
import { retireOrg } from "./retire-org";

/**
 * 撤销: closes a grassroots union with a reason. Its open tasks go to a named successor union inside
 * the actor's subtree ("transfer", without their responsible person and helpers, who leave with the
 * union) or are cancelled with the reason ("cancel"). Its accounts are deactivated (kept, with their
 * history) and their sessions end. One transaction.
 */
export async function closeOrg(actor: TOrgActor, input: TCloseOrg, db: TDb = getDb()) {
  const now = new Date();
  return db.$transaction(async (tx) => {
    const org = await lockChangeableOrg(tx, actor, { orgId: input.orgId, levels: CHANGEABLE_LEVELS });
    const successor =
      input.tasks === "transfer"
        ? await findDestination(tx, actor, {
            id: input.successorId!,
            level: "GRASSROOTS",
            field: "successorId",
            not: org.id,
          })
        : null;
    if (successor) await tx.$queryRaw`SELECT id FROM "Org" WHERE id = ${successor.id} FOR UPDATE`;
    const result = await retireOrg(tx, {
      actor,
      org,
      successor,
      choice: input.tasks,
      reason: input.reason,
      collisionReason: `${org.name}撤销：${successor?.name ?? ""}已承办同一措施的任务`,
      closeReason: input.reason,
      eventType: "ORG_CLOSED",
      clearStaff: true,
      now,
    });
    const users = await tx.user.findMany({ where: { orgId: org.id, active: true }, select: { id: true } });
    await tx.user.updateMany({ where: { id: { in: users.map((u) => u.id) } }, data: { active: false } });
    await adjustUserCount(tx, { orgId: org.id, delta: -users.length });
    for (const u of users) await revokeUserSessions(u.id, tx, { reason: "user.deactivate", actor });
    await recordChanges(tx, [
      {
        entity: "ORG",
        entityId: org.id,
        action: "close",
        changes: { successor: [null, successor?.name ?? null] },
        note: input.reason,
        actorId: actor.id,
      },
    ]);
    await recordAudit(
      {
        action: "org.close",
        actor,
        target: { type: "org", id: org.id },
        detail: {
          successor: successor?.id ?? null,
          tasks: input.tasks,
          ...result,
          deactivated: users.length,
        },
      },
      tx,
    );
    return { id: org.id, ...result, deactivated: users.length };
  });
}
