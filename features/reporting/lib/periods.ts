import { addMonths, DAY_MS, dayOfMonthCapped, monthStart, quarterStart, weekStart } from "./dates";

// The reporting periods of a rule (定期报送), pure. Days are China calendar days as UTC-midnight
// Dates (lib/dates.ts). Periods are whole calendar periods: weeks Monday–Sunday, months, quarters
// (Jan–Mar, Apr–Jun, Jul–Sep, Oct–Dec); a rule has the periods that overlap [startDate, endDate].

export type TFrequency = "WEEKLY" | "MONTHLY" | "QUARTERLY";

export type TPeriodRule = { frequency: TFrequency; dueDay: number; startDate: Date; endDate: Date };

export type TPeriod = { startDate: Date; endDate: Date; dueDate: Date };

/** The largest dueDay each frequency accepts (WEEKLY: weekday 1 = Mon … 7 = Sun). */
export const DUE_DAY_MAX: Record<TFrequency, number> = { WEEKLY: 7, MONTHLY: 31, QUARTERLY: 31 };

/** The start of the calendar period of `frequency` holding day `d`. */
export function periodStartOf(frequency: TFrequency, d: Date): Date {
  switch (frequency) {
    case "WEEKLY":
      return weekStart(d);
    case "MONTHLY":
      return monthStart(d);
    case "QUARTERLY":
      return quarterStart(d);
  }
}

/** The start of the period after the one starting on `start`. */
function nextStart(frequency: TFrequency, start: Date): Date {
  switch (frequency) {
    case "WEEKLY":
      return new Date(start.getTime() + 7 * DAY_MS);
    case "MONTHLY":
      return addMonths(start, 1);
    case "QUARTERLY":
      return addMonths(start, 3);
  }
}

/**
 * The period of `frequency` starting on `start` (a period start) with its due date: WEEKLY the
 * weekday `dueDay` (1 = Mon … 7 = Sun) of that week; MONTHLY day `dueDay` of the month; QUARTERLY
 * day `dueDay` of the quarter's last month — a day past the month's end is its last day (31 → 30
 * April, 28/29 February).
 */
export function periodAt(frequency: TFrequency, dueDay: number, start: Date): TPeriod {
  const next = nextStart(frequency, start);
  const endDate = new Date(next.getTime() - DAY_MS);
  const dueDate =
    frequency === "WEEKLY"
      ? new Date(start.getTime() + (dueDay - 1) * DAY_MS)
      : dayOfMonthCapped(frequency === "MONTHLY" ? start : addMonths(start, 2), dueDay);
  return { startDate: start, endDate, dueDate };
}

/**
 * The periods of `rule` that overlap the days [from, to] and the rule's own [startDate, endDate],
 * in order. Whole calendar periods: a rule starting on the 10th has the whole month as its first
 * period.
 */
export function periodsBetween(rule: TPeriodRule, from: Date, to: Date): TPeriod[] {
  const lo = Math.max(from.getTime(), rule.startDate.getTime());
  const hi = Math.min(to.getTime(), rule.endDate.getTime());
  const out: TPeriod[] = [];
  if (lo > hi) return out;
  for (
    let s = periodStartOf(rule.frequency, new Date(lo));
    s.getTime() <= hi;
    s = nextStart(rule.frequency, s)
  )
    out.push(periodAt(rule.frequency, rule.dueDay, s));
  return out;
}

/** The periods of `rule` that should be open on day `today`: started, and ended no earlier than `since`. */
export function periodsToOpen(rule: TPeriodRule, today: Date, since: Date): TPeriod[] {
  return periodsBetween(rule, since, today);
}
