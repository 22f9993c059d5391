import { describe, expect, it } from "vitest";
import { chinaToday, formatDay } from "./dates";

// chinaToday computes the day by arithmetic; Intl's time-zone database is the independent reference.
const intlDay = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Asia/Shanghai",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

describe("chinaToday", () => {
  it("agrees with the Asia/Shanghai time zone at and around every midnight in China", () => {
    // 16:00 UTC is midnight in China: one millisecond either side lands on different days.
    for (let day = Date.UTC(1992, 0, 1); day < Date.UTC(2040, 0, 1); day += 37 * 86_400_000) {
      for (const ms of [day + 16 * 3_600_000 - 1, day + 16 * 3_600_000, day + 3_600_000, day + 86_399_999]) {
        expect(chinaToday(new Date(ms)).toISOString().slice(0, 10)).toBe(intlDay.format(new Date(ms)));
      }
    }
  });

  it("names the day in China, not in UTC, just after midnight there", () => {
    expect(chinaToday(new Date("2026-12-05T16:30:00Z")).toISOString()).toBe("2026-12-06T00:00:00.000Z");
    expect(chinaToday(new Date("2026-12-05T15:59:59.999Z")).toISOString()).toBe("2026-12-05T00:00:00.000Z");
  });

  it("keeps summer time of the years before 1992", () => {
    // 1990-07-01 was in summer time (UTC+9): 15:30 UTC is already the next day in China.
    expect(chinaToday(new Date("1990-07-01T15:30:00Z")).toISOString()).toBe("1990-07-02T00:00:00.000Z");
  });
});

describe("formatDay", () => {
  it("writes the same day as toISOString for every day from 1990 to 2060", () => {
    for (let ms = Date.UTC(1990, 0, 1); ms < Date.UTC(2060, 0, 1); ms += 86_400_000) {
      const d = new Date(ms);
      expect(formatDay(d)).toBe(d.toISOString().slice(0, 10));
    }
  });
});
