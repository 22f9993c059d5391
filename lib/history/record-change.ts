import type { TTx } from "@/lib/db/client";
import type { ChangeEntity, Prisma } from "@/lib/generated/prisma/client";

/** `{ field: [before, after] }` for the fields that differ. */
export type TFieldChanges = Record<string, [unknown, unknown]>;

const same = (a: unknown, b: unknown) =>
  a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : (a ?? null) === (b ?? null);

/** The listed fields whose values differ between `before` and `after` (null when none do). */
export function diffFields<T extends Record<string, unknown>>(
  before: T,
  after: Partial<T>,
  fields: readonly (keyof T & string)[],
): TFieldChanges | null {
  const out: TFieldChanges = {};
  for (const f of fields) {
    if (!(f in after) || same(before[f], after[f])) continue;
    out[f] = [before[f] ?? null, after[f] ?? null];
  }
  return Object.keys(out).length > 0 ? out : null;
}

export type TChange = {
  entity: ChangeEntity;
  entityId: number;
  /** A lower-case verb: create, update, rename, move, merge, close, retire … */
  action: string;
  changes?: TFieldChanges | null;
  note?: string | null;
  actorId?: number | null;
  importJobId?: number | null;
};

const row = (c: TChange): Prisma.ChangeLogCreateManyInput => ({
  entity: c.entity,
  entityId: c.entityId,
  action: c.action,
  changes: (c.changes ?? undefined) as Prisma.InputJsonValue | undefined,
  note: c.note ?? null,
  actorId: c.actorId ?? null,
  importJobId: c.importJobId ?? null,
});

/**
 * Writes business history (ChangeLog) in the caller's transaction, so that the history commits or
 * rolls back with the change itself. Security events go to the audit trail (lib/audit) instead.
 */
export async function recordChanges(tx: TTx, changes: readonly TChange[]): Promise<void> {
  if (changes.length === 0) return;
  await tx.changeLog.createMany({ data: changes.map(row) });
}
