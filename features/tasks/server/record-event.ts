import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TTx } from "@/lib/db/client";
import type { TTaskStatus } from "../lib/state-machine";

type TEventType = Prisma.TaskEventCreateManyInput["type"];

// Timeline entries of writes that are not task changes (a claim creates the task; 催办 and
// comments leave it as it is). Task changes write theirs in write/apply-change.ts.
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
