import { describe, expect, it } from "vitest";
import { parseDay as d, formatDay } from "@/lib/dates";
import { isoWeekday } from "./dates";
import { periodAt, periodsBetween, periodsToOpen, periodStartOf } from "./periods";

const show = (ps: { startDate: Date; endDate: Date; dueDate: Date }[]) =>
  ps.map((p) => `${formatDay(p.startDate)}..${formatDay(p.endDate)} due ${formatDay(p.dueDate)}`);

describe("reporting periods", () => {
  it("weeks run Monday to Sunday, due on the given weekday", () => {
    // 2026-12-02 is a Wednesday (checked on a calendar), 2026-11-30 the Monday of its week.
    expect(isoWeekday(d("2026-12-02"))).toBe(3);
    expect(isoWeekday(d("2026-12-06"))).toBe(7);
    const rule = {
      frequency: "WEEKLY" as const,
      dueDay: 5,
      startDate: d("2026-12-02"),
      endDate: d("2026-12-20"),
    };
    expect(show(periodsBetween(rule, d("2026-01-01"), d("2027-12-31")))).toEqual([
      "2026-11-30..2026-12-06 due 2026-12-04",
      "2026-12-07..2026-12-13 due 2026-12-11",
      "2026-12-14..2026-12-20 due 2026-12-18",
    ]);
  });

  it("a week across the year's end", () => {
    expect(show([periodAt("WEEKLY", 7, periodStartOf("WEEKLY", d("2027-01-01")))])).toEqual([
      "2026-12-28..2027-01-03 due 2027-01-03",
    ]);
  });

  it("months: day 31 is capped at the month's end (Feb 28, Feb 29 in a leap year, Apr 30)", () => {
    const rule = {
      frequency: "MONTHLY" as const,
      dueDay: 31,
      startDate: d("2027-01-15"),
      endDate: d("2027-04-01"),
    };
    expect(show(periodsBetween(rule, d("2000-01-01"), d("2100-01-01")))).toEqual([
      "2027-01-01..2027-01-31 due 2027-01-31",
      "2027-02-01..2027-02-28 due 2027-02-28",
      "2027-03-01..2027-03-31 due 2027-03-31",
      "2027-04-01..2027-04-30 due 2027-04-30",
    ]);
    expect(show([periodAt("MONTHLY", 30, d("2028-02-01"))])).toEqual([
      "2028-02-01..2028-02-29 due 2028-02-29",
    ]);
    expect(show([periodAt("MONTHLY", 25, d("2026-12-01"))])).toEqual([
      "2026-12-01..2026-12-31 due 2026-12-25",
    ]);
  });

  it("quarters: due in the quarter's last month", () => {
    const rule = {
      frequency: "QUARTERLY" as const,
      dueDay: 31,
      startDate: d("2026-11-05"),
      endDate: d("2027-08-01"),
    };
    expect(show(periodsBetween(rule, d("2000-01-01"), d("2100-01-01")))).toEqual([
      "2026-10-01..2026-12-31 due 2026-12-31",
      "2027-01-01..2027-03-31 due 2027-03-31",
      "2027-04-01..2027-06-30 due 2027-06-30",
      "2027-07-01..2027-09-30 due 2027-09-30",
    ]);
  });

  it("only the periods overlapping the asked days", () => {
    const rule = {
      frequency: "MONTHLY" as const,
      dueDay: 25,
      startDate: d("2026-01-01"),
      endDate: d("2026-12-31"),
    };
    expect(show(periodsBetween(rule, d("2026-03-31"), d("2026-04-01")))).toEqual([
      "2026-03-01..2026-03-31 due 2026-03-25",
      "2026-04-01..2026-04-30 due 2026-04-25",
    ]);
    expect(periodsBetween(rule, d("2027-01-01"), d("2027-02-01"))).toEqual([]);
    // Opened: started by today, ended no earlier than the rule's creation day (no retroactive 漏报).
    expect(show(periodsToOpen(rule, d("2026-06-02"), d("2026-05-20")))).toEqual([
      "2026-05-01..2026-05-31 due 2026-05-25",
      "2026-06-01..2026-06-30 due 2026-06-25",
    ]);
  });
});
