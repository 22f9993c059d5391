// Calendar arithmetic on China days (UTC-midnight Dates, as lib/dates.ts stores DATE columns).
// Pure; the reporting periods (periods.ts) are built from these.

export const DAY_MS = 86_400_000;

/** ISO weekday of a China day: 1 = Monday … 7 = Sunday. */
export function isoWeekday(d: Date): number {
  const w = d.getUTCDay();
  return w === 0 ? 7 : w;
}

/** The Monday of the week (Mon–Sun) holding `d`. */
export function weekStart(d: Date): Date {
  return new Date(d.getTime() - (isoWeekday(d) - 1) * DAY_MS);
}

/** The first day of the month holding `d`. */
export function monthStart(d: Date): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1));
}

/** The first day of the quarter (Jan, Apr, Jul, Oct) holding `d`. */
export function quarterStart(d: Date): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - (d.getUTCMonth() % 3), 1));
}

/** The first day of the month `n` months after the month of `d` (n may be negative). */
export function addMonths(d: Date, n: number): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, 1));
}

/** Days in the month holding `d` (28 … 31, leap years included). */
export function daysInMonth(d: Date): number {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
}

/** Day `day` of the month holding `d`, capped at the month's last day (31 → 30 Apr, 28/29 Feb). */
export function dayOfMonthCapped(d: Date, day: number): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), Math.min(day, daysInMonth(d))));
}
