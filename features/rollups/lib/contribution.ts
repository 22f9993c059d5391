import { isOpen, progressCounted, type TTaskStatus } from "@/lib/task-status";
import { chinaToday } from "@/lib/dates";

// What one task adds to the roll-ups of every org above it. Pure: the server applies the
// difference between a task's contribution before and after a change, in the same transaction.
export type TTaskSnap = {
  status: TTaskStatus;
  progress: number;
  dueDate: Date;
  completedAt: Date | null;
};

export const COUNT_COLUMNS = [
  "pendingSign",
  "handedBack",
  "inProgress",
  "submitted",
  "completed",
  "completedOnTime",
  "progressSum",
] as const;
export type TVector = Record<(typeof COUNT_COLUMNS)[number], number>;

const STATUS_COLUMN = {
  PENDING_SIGN: "pendingSign",
  HANDED_BACK: "handedBack",
  IN_PROGRESS: "inProgress",
  SUBMITTED: "submitted",
  COMPLETED: "completed",
} as const;

export const ZERO: TVector = {
  pendingSign: 0,
  handedBack: 0,
  inProgress: 0,
  submitted: 0,
  completed: 0,
  completedOnTime: 0,
  progressSum: 0,
};

/** On time: approved (销号) on or before the due day, in China's calendar. */
export function completedOnTime(t: TTaskSnap): boolean {
  return (
    t.status === "COMPLETED" &&
    t.completedAt !== null &&
    chinaToday(t.completedAt).getTime() <= t.dueDate.getTime()
  );
}

/** A cancelled task counts nowhere; a completed one counts 100 towards the progress sum. */
export function contribution(t: TTaskSnap | null): TVector {
  if (!t || t.status === "CANCELLED") return { ...ZERO };
  const v = { ...ZERO, progressSum: progressCounted(t.status, t.progress) };
  v[STATUS_COLUMN[t.status]] = 1;
  if (completedOnTime(t)) v.completedOnTime = 1;
  return v;
}

export function difference(before: TTaskSnap | null, after: TTaskSnap | null): TVector {
  const a = contribution(after);
  const b = contribution(before);
  return Object.fromEntries(COUNT_COLUMNS.map((c) => [c, a[c] - b[c]])) as TVector;
}

export function isZero(v: TVector): boolean {
  return COUNT_COLUMNS.every((c) => v[c] === 0);
}

/** The open-task-per-due-date changes: [dueDate, ±1] pairs (none when nothing moves). */
export function dueChanges(before: TTaskSnap | null, after: TTaskSnap | null): [Date, number][] {
  const out: [Date, number][] = [];
  const b = before && isOpen(before.status) ? before.dueDate : null;
  const a = after && isOpen(after.status) ? after.dueDate : null;
  if (b && a && b.getTime() === a.getTime()) return out;
  if (b) out.push([b, -1]);
  if (a) out.push([a, 1]);
  return out;
}
