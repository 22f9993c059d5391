import { isOpen, type TTaskStatus } from "@/lib/task-status";
import { chinaToday, daysUntil } from "@/lib/dates";

// 红黄绿灯 (issue 14): the one rule, in TypeScript. light-sql.ts writes the same conditions as SQL
// (light-rule.test.ts checks that both agree on many random tasks). Pure: no database, no clock
// (today is passed in).

export const TASK_LIGHTS = ["RED", "YELLOW", "GREEN"] as const;
export type TTaskLight = (typeof TASK_LIGHTS)[number];
export type TReportFlag = "NONE" | "LATE" | "MISSING";

/** Defaults of a federation without a WarningSetting row. */
export const DEFAULT_DUE_SOON_DAYS = 3;
export const DEFAULT_LAG_POINTS = 20;
export const DUE_SOON_DAYS_MAX = 30;
export const LAG_POINTS_MAX = 100;

export type TWarningSetting = { dueSoonDays: number; lagPoints: number };
export const DEFAULT_WARNING: TWarningSetting = {
  dueSoonDays: DEFAULT_DUE_SOON_DAYS,
  lagPoints: DEFAULT_LAG_POINTS,
};

/** Why a task has its light, in the order the task page lists them. */
export const LIGHT_REASONS = ["OVERDUE", "MISSING", "DUE_SOON", "LAGGING", "LATE"] as const;
export type TLightReason = (typeof LIGHT_REASONS)[number];
export const REASON_LIGHT: Record<TLightReason, Exclude<TTaskLight, "GREEN">> = {
  OVERDUE: "RED",
  MISSING: "RED",
  DUE_SOON: "YELLOW",
  LAGGING: "YELLOW",
  LATE: "YELLOW",
};

export type TLightInput = {
  status: TTaskStatus;
  dueDate: Date;
  /** The task's start: its creation time; the start day is that day in China. */
  createdAt: Date;
  progress: number;
  reportFlag: TReportFlag;
};

/**
 * The elapsed share of the task's time as the fraction e/s (days): s = due − start day, e = today −
 * start day capped to 0..s; a task with no time (due on or before its start day) has used it all (1/1).
 * Lagging: elapsed% − progress > lagPoints, i.e. 100·e > (lagPoints + progress)·s, compared as
 * doubles in this order in both implementations, so that both round alike.
 */
export function elapsedShare(dueDate: Date, createdAt: Date, today: Date): { e: number; s: number } {
  const start = chinaToday(createdAt);
  const span = daysUntil(dueDate, start);
  if (span <= 0) return { e: 1, s: 1 };
  return { e: Math.min(Math.max(daysUntil(today, start), 0), span), s: span };
}

/** Every reason that applies to an open task (empty: green). */
export function lightReasons(t: TLightInput, w: TWarningSetting, today: Date): TLightReason[] {
  if (!isOpen(t.status)) return [];
  const left = daysUntil(t.dueDate, today);
  const { e, s } = elapsedShare(t.dueDate, t.createdAt, today);
  const out: TLightReason[] = [];
  if (left < 0) out.push("OVERDUE");
  if (t.reportFlag === "MISSING") out.push("MISSING");
  if (left >= 0 && left <= w.dueSoonDays) out.push("DUE_SOON");
  if (100 * e > (w.lagPoints + t.progress) * s) out.push("LAGGING");
  if (t.reportFlag === "LATE") out.push("LATE");
  return out;
}

/** The light of a task: null when it is not open (completed or cancelled). */
export function taskLight(t: TLightInput, w: TWarningSetting, today: Date): TTaskLight | null {
  if (!isOpen(t.status)) return null;
  const reasons = lightReasons(t, w, today);
  if (reasons.some((r) => REASON_LIGHT[r] === "RED")) return "RED";
  return reasons.length > 0 ? "YELLOW" : "GREEN";
}
