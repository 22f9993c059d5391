import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TTx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { TTaskStatus } from "../lib/state-machine";

type TEventType = Prisma.TaskEventCreateManyInput["type"];

/**
 * Applies a change only if nobody changed the task since it was loaded (version check in the
 * UPDATE itself, so two concurrent writers cannot both succeed), and bumps the version.
 */
export async function updateTaskIfUnchanged(tx: TTx, task: { id: number; version: number }, data: Prisma.TaskUncheckedUpdateManyInput): Promise<void> {
  const res = await tx.task.updateMany({ where: { id: task.id, version: task.version }, data: { ...data, version: { increment: 1 } } });
  if (res.count !== 1) throw new AppError("CONFLICT");
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
