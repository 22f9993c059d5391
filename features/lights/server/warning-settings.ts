import "server-only";
import { getDb, type TDb } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record";
import { DEFAULT_WARNING, type TWarningSetting } from "../lib/light";
import type { TWarningSettingInput } from "../schemas";
import { relightAssignedBy } from "./relight";

/** The warning rules of an org (the defaults when it has no row), and whether they are its own. */
export async function getWarningSetting(
  orgId: number,
  db: TDb = getDb(),
): Promise<TWarningSetting & { own: boolean }> {
  const row = await db.warningSetting.findUnique({ where: { orgId } });
  return row
    ? { dueSoonDays: row.dueSoonDays, lagPoints: row.lagPoints, own: true }
    : { ...DEFAULT_WARNING, own: false };
}

/**
 * A federation sets N and X for the tasks it assigns (the caller's own org: the action checks
 * task:assign). In one transaction: the row, every open task it assigned relit (their regions'
 * counts moved), and one audited setting.change with old → new.
 */
export async function saveWarningSetting(
  actor: { id: number; username: string; orgId: number },
  input: TWarningSettingInput,
  db: TDb = getDb(),
): Promise<{ relit: number }> {
  return db.$transaction(
    async (tx) => {
      // Serialise saves of one org (a concurrent save relights after this one commits).
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`warning-setting:${actor.orgId}`}))`;
      const before = await tx.warningSetting.findUnique({ where: { orgId: actor.orgId } });
      await tx.warningSetting.upsert({
        where: { orgId: actor.orgId },
        create: { orgId: actor.orgId, ...input, updatedById: actor.id },
        update: { ...input, updatedById: actor.id },
      });
      const relit = await relightAssignedBy(tx, actor.orgId);
      await recordAudit(
        {
          action: "setting.change",
          actor,
          target: { type: "warningSetting", id: actor.orgId },
          detail: {
            dueSoonDays: { from: before?.dueSoonDays ?? DEFAULT_WARNING.dueSoonDays, to: input.dueSoonDays },
            lagPoints: { from: before?.lagPoints ?? DEFAULT_WARNING.lagPoints, to: input.lagPoints },
            relit,
          },
        },
        tx,
      );
      return { relit };
    },
    { timeout: 120_000 },
  );
}
