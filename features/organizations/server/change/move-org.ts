import "server-only";
import { recordAudit } from "@/lib/audit/record";
import { getDb, type TDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { recordChanges } from "@/lib/history/record-change";
import type { TMoveOrg } from "../../schemas";
import { shiftSubtreeCounts } from "../org-counts";
import {
  assertMayCancelTasks,
  CHANGEABLE_LEVELS,
  findDestination,
  lockChangeableOrg,
  type TOrgActor,
} from "./changeable-org";
import { cancelOrgTasks, lockOrgTasks, openTasksOf } from "./org-tasks";
import { relocateTasks } from "./relocate-tasks";

/**
 * Moves a grassroots union to another county of the actor's subtree, in one transaction: its path
 * (and its subtree's, if any) and depth, its org counts, and every task it holds. The tasks stay
 * with the union ("transfer") or its open ones are cancelled first ("cancel", with the reason);
 * either way all its tasks take the new path, so the roll-ups move their figures from the old
 * county, city and province to the new ones (relocate-tasks.ts).
 */
export async function moveOrg(actor: TOrgActor, input: TMoveOrg, db: TDb = getDb()) {
  const now = new Date();
  return db.$transaction(async (tx) => {
    const org = await lockChangeableOrg(tx, actor, { orgId: input.orgId, levels: CHANGEABLE_LEVELS });
    const dest = await findDestination(tx, actor, {
      id: input.parentId,
      level: "COUNTY",
      field: "parentId",
      not: org.id,
    });
    if (dest.id === org.parentId) throw new AppError("VALIDATION", { parentId: "sameParent" });
    const from = await tx.org.findUniqueOrThrow({ where: { id: org.parentId! }, select: { name: true } });
    await lockOrgTasks(tx, org.id);
    const open = await openTasksOf(tx, org.id);
    if (input.tasks === "cancel") assertMayCancelTasks(actor, open.length);
    if (input.tasks === "cancel")
      await cancelOrgTasks(tx, { actor, tasks: open, reason: input.reason!, now });

    await shiftSubtreeCounts(tx, { orgId: org.id, sign: -1 });
    const oldLen = org.ancestorIds.length;
    const newPath = [...dest.ancestorIds, org.id];
    await tx.$executeRaw`
      UPDATE "Org" c SET "ancestorIds" = ${newPath}::int[] || c."ancestorIds"[${oldLen + 1}:],
        depth = cardinality(${newPath}::int[] || c."ancestorIds"[${oldLen + 1}:]) - 1, "updatedAt" = now()
      WHERE c."ancestorIds" @> ARRAY[${org.id}::int]`;
    const region = await tx.org.findUniqueOrThrow({
      where: { id: dest.id },
      select: { regionCode: true, regionName: true },
    });
    await tx.org.update({ where: { id: org.id }, data: { parentId: dest.id, ...region } });
    await shiftSubtreeCounts(tx, { orgId: org.id, sign: 1 });

    const all = await tx.task.findMany({ where: { orgPath: { has: org.id } }, select: { id: true } });
    await relocateTasks(tx, {
      taskIds: all.map((t) => t.id),
      actorId: actor.id,
      eventType: "ORG_MOVED",
      changes: { region: [from.name, dest.name] },
      message: input.tasks === "cancel" && open.length ? input.reason : null,
    });
    const changes = { parent: [from.name, dest.name] as [string, string] };
    await recordChanges(tx, [
      {
        entity: "ORG",
        entityId: org.id,
        action: "move",
        changes,
        note: input.tasks === "cancel" ? (input.reason ?? null) : null,
        actorId: actor.id,
      },
    ]);
    await recordAudit(
      {
        action: "org.move",
        actor,
        target: { type: "org", id: org.id },
        detail: { from: org.parentId, to: dest.id, tasks: input.tasks, openTasks: open.length },
      },
      tx,
    );
    return { id: org.id, openTasks: open.length, movedTasks: all.length };
  });
}
