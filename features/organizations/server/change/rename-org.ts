import "server-only";
import { recordAudit } from "@/lib/audit/record";
import { getDb, type TDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { recordChanges } from "@/lib/history/record-change";
import type { TRenameOrg } from "../../schemas";
import { lockChangeableOrg, type TOrgActor } from "./changeable-org";

/** Renames an org strictly inside the actor's subtree (any level); the same name is VALIDATION. */
export async function renameOrg(actor: TOrgActor, input: TRenameOrg, db: TDb = getDb()) {
  return db.$transaction(async (tx) => {
    const org = await lockChangeableOrg(tx, actor, { orgId: input.orgId });
    if (org.name === input.name) throw new AppError("VALIDATION", { name: "unchanged" });
    await tx.org.update({ where: { id: org.id }, data: { name: input.name } });
    await recordChanges(tx, [
      {
        entity: "ORG",
        entityId: org.id,
        action: "rename",
        changes: { name: [org.name, input.name] },
        actorId: actor.id,
      },
    ]);
    await recordAudit(
      {
        action: "org.rename",
        actor,
        target: { type: "org", id: org.id },
        detail: { from: org.name, to: input.name },
      },
      tx,
    );
    return { id: org.id, name: input.name };
  });
}
