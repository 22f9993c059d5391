import "server-only";
import { OPEN_ORG_WHERE, orgScopeWhere } from "@/lib/auth/scope";
import { getDb, type TDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { likeLiteral } from "@/lib/input";
import type { TOrgChangePreview, TOrgChangeTargets } from "../../schemas";
import { collisions, openTasksOf } from "./org-tasks";
import type { TOrgActor } from "./changeable-org";

/**
 * What a change would affect, for the dialog: the org's open tasks, how many await review (they
 * block cancelling), and for a successor how many collide with a task it already holds.
 */
export async function previewOrgChange(actor: TOrgActor, input: TOrgChangePreview, db: TDb = getDb()) {
  const org = await db.org.findFirst({
    where: { id: input.orgId, ...orgScopeWhere(actor), NOT: { id: actor.orgId } },
    select: { id: true },
  });
  if (!org) throw new AppError("NOT_FOUND");
  const open = await openTasksOf(db, org.id);
  let clash = 0;
  if (input.successorId) {
    const s = await db.org.findFirst({
      where: { id: input.successorId, ...orgScopeWhere(actor) },
      select: { id: true },
    });
    if (!s) throw new AppError("VALIDATION", { successorId: "outOfScope" });
    clash = (await collisions(db, open, s.id)).length;
  }
  return {
    open: open.length,
    submitted: open.filter((t) => t.status === "SUBMITTED").length,
    collisions: clash,
  };
}

/** Open counties (a move) or open grassroots unions (a successor) of the actor's subtree, by name or code. */
export async function searchOrgChangeTargets(actor: TOrgActor, input: TOrgChangeTargets, db: TDb = getDb()) {
  const q = likeLiteral(input.q);
  return db.org.findMany({
    where: {
      ...orgScopeWhere(actor),
      ...OPEN_ORG_WHERE,
      level: input.level,
      NOT: { id: input.orgId },
      ...(q ? { OR: [{ name: { contains: q } }, { code: { startsWith: q } }] } : {}),
    },
    orderBy: [{ depth: "asc" }, { sortOrder: "asc" }, { id: "asc" }],
    take: 20,
    select: { id: true, name: true, code: true },
  });
}
