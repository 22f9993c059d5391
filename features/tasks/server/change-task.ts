import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TTx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { applyTaskDelta } from "@/features/rollups/server/apply-delta";
import { lockParentChain, lockTaskSnapshot, SNAPSHOT_SELECT } from "@/features/rollups/server/snapshot";
import type { TTaskStatus } from "../lib/state-machine";

type TEventType = Prisma.TaskEventCreateManyInput["type"];

/**
 * The one way a task changes: locks the row, applies the change only if nobody changed the
 * task since it was loaded (so two concurrent writers cannot both succeed), bumps the version,
 * and moves the roll-ups of every org above it in the same transaction.
 */
export async function updateTaskIfUnchanged(
  tx: TTx,
  task: { id: number; version: number; parentTaskId?: number | null },
  data: Prisma.TaskUncheckedUpdateInput,
): Promise<void> {
  // A task's parent never changes: one that was not passed down has no chain to lock.
  if (task.parentTaskId !== null) await lockParentChain(tx, task.id);
  const before = await lockTaskSnapshot(tx, task.id);
  if (!before || before.version !== task.version) throw new AppError("CONFLICT");
  const after = await tx.task.update({
    where: { id: task.id },
    data: { ...data, version: { increment: 1 } },
    select: SNAPSHOT_SELECT,
  });
  await applyTaskDelta(tx, before, after);
}

export type TEventInput = {
  taskId: number;
  actorId: number | null;
  type: TEventType;
  from?: TTaskStatus;
  to?: TTaskStatus;
  changes?: Record<string, [unknown, unknown]>;
  message?: string | null;
};

/** Appends one entry to the task's timeline (never updated or deleted). */
export async function recordEvent(tx: TTx, e: TEventInput): Promise<void> {
  await tx.taskEvent.create({
    data: {
      taskId: e.taskId,
      actorId: e.actorId,
      type: e.type,
      fromStatus: e.from ?? null,
      toStatus: e.to ?? null,
      changes: (e.changes as Prisma.InputJsonValue | undefined) ?? undefined,
      message: e.message ?? null,
    },
  });
}
