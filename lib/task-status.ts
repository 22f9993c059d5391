import type { TaskStatus } from "@/lib/generated/prisma/enums";

// The one source of what a task status means beyond the state machine: which statuses are open
// (a task that can still become overdue) and what a task adds to a progress sum or mean.
// lib/task-status-sql.ts generates the SQL from these constants; nothing else spells them out.
// Pure (no Prisma runtime), so client components may import it.

/** Every task status, in workflow order. The test checks it against the Prisma enum. */
export const TASK_STATUSES = [
  "PENDING_SIGN",
  "HANDED_BACK",
  "IN_PROGRESS",
  "SUBMITTED",
  "COMPLETED",
  "CANCELLED",
] as const satisfies readonly TaskStatus[];
export type TTaskStatus = (typeof TASK_STATUSES)[number];

/** Not completed and not cancelled: such a task counts towards overdue. */
export const OPEN_STATUSES = [
  "PENDING_SIGN",
  "HANDED_BACK",
  "IN_PROGRESS",
  "SUBMITTED",
] as const satisfies readonly TTaskStatus[];
export type TOpenStatus = (typeof OPEN_STATUSES)[number];

/** Statuses whose progress counts as a fixed value instead of the stored one. */
export const FIXED_PROGRESS = { COMPLETED: 100, CANCELLED: 0 } as const satisfies Partial<
  Record<TTaskStatus, number>
>;

export function isOpen(status: TTaskStatus): status is TOpenStatus {
  return (OPEN_STATUSES as readonly TTaskStatus[]).includes(status);
}

/** What a task adds to a progress sum or mean: completed 100, cancelled 0, anything else its progress. */
export function progressCounted(status: TTaskStatus, progress: number): number {
  const fixed: Partial<Record<TTaskStatus, number>> = FIXED_PROGRESS;
  return fixed[status] ?? progress;
}
