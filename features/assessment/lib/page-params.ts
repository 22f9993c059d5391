import { addDays, chinaToday, formatDay, parseDay } from "@/lib/dates";
import { isAppError } from "@/lib/errors";
import { ZDay } from "@/lib/input";

// What the 考评 pages read from their URL, and how they turn a hidden record into a 404.

/** `?asOf=YYYY-MM-DD` when it is a real day not after today; else today (China). */
export function parseAsOf(raw: unknown, now = new Date()): Date {
  const today = chinaToday(now);
  const ok = typeof raw === "string" && ZDay.safeParse(raw).success;
  const d = ok ? parseDay(raw) : today;
  return d > today ? today : d;
}

/** The default objection deadline of a new result: a week from today. */
export const defaultDeadline = (now = new Date()) => formatDay(addDays(chinaToday(now), 7));

/** null for NOT_FOUND (the page answers 404), the value otherwise; other errors pass through. */
export const nullIfNotFound = <T>(p: Promise<T>): Promise<T | null> =>
  p.catch((e) => (isAppError(e) && e.code === "NOT_FOUND" ? null : Promise.reject(e)));
