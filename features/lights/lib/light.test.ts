import { describe, expect, it } from "vitest";
import { addDays, chinaToday } from "@/lib/dates";
import { DEFAULT_WARNING, lightReasons, taskLight, type TLightInput } from "./light";

// Boundaries of the rule, worked out by hand. "today" is fixed relative to chinaToday().
const today = chinaToday();
const startedDaysAgo = (n: number) => addDays(today, -n); // UTC midnight = 08:00 in China: that China day
const task = (over: Partial<TLightInput>): TLightInput => ({
  status: "IN_PROGRESS",
  dueDate: addDays(today, 60),
  createdAt: startedDaysAgo(0),
  progress: 0,
  reportFlag: "NONE",
  ...over,
});
const light = (over: Partial<TLightInput>, w = DEFAULT_WARNING) => taskLight(task(over), w, today);

describe("the warning light of a task", () => {
  it("is null for a closed task and green for a fresh one", () => {
    expect(light({ status: "COMPLETED", dueDate: addDays(today, -5) })).toBeNull();
    expect(light({ status: "CANCELLED" })).toBeNull();
    expect(light({})).toBe("GREEN");
    expect(light({ status: "PENDING_SIGN" })).toBe("GREEN");
  });

  it("due today is yellow (due soon), due yesterday is red (overdue)", () => {
    expect(light({ dueDate: today })).toBe("YELLOW");
    expect(lightReasons(task({ dueDate: today }), DEFAULT_WARNING, today)).toEqual(["DUE_SOON", "LAGGING"]);
    expect(light({ dueDate: addDays(today, -1), createdAt: startedDaysAgo(10), progress: 100 })).toBe("RED");
  });

  it("due in exactly N days is yellow, N + 1 green (N = 3, and a federation's N = 0)", () => {
    expect(light({ dueDate: addDays(today, 3) })).toBe("YELLOW");
    expect(light({ dueDate: addDays(today, 4) })).toBe("GREEN");
    expect(light({ dueDate: addDays(today, 1) }, { dueSoonDays: 0, lagPoints: 20 })).toBe("GREEN");
    expect(light({ dueDate: today }, { dueSoonDays: 0, lagPoints: 100 })).toBe("YELLOW");
  });

  it("lagging: exactly X points behind the elapsed share is green, more is yellow", () => {
    // 100 days, 50 elapsed: 50 %. Progress 30 lags by exactly 20 = X; 29 by 21.
    const base = { createdAt: startedDaysAgo(50), dueDate: addDays(today, 50) };
    expect(light({ ...base, progress: 30 })).toBe("GREEN");
    expect(light({ ...base, progress: 29 })).toBe("YELLOW");
    expect(light({ ...base, progress: 29.999999 })).toBe("YELLOW");
    expect(light({ ...base, progress: 0 }, { dueSoonDays: 3, lagPoints: 50 })).toBe("GREEN");
    expect(light({ ...base, progress: 0 }, { dueSoonDays: 3, lagPoints: 49 })).toBe("YELLOW");
  });

  it("the start day is the creation day in China", () => {
    // Created at 16:30 UTC the day before "4 days ago" = 00:30 in China on the 4th day before today.
    const created = new Date(addDays(today, -5).getTime() + 16.5 * 3_600_000);
    // 10 days from the start (due in 6): 4 elapsed = 40 %. X = 20: progress 20 is exactly 20 behind.
    expect(light({ createdAt: created, dueDate: addDays(today, 6), progress: 20 })).toBe("GREEN");
    expect(light({ createdAt: created, dueDate: addDays(today, 6), progress: 19 })).toBe("YELLOW");
  });

  it("report flags: 漏报 is red, 迟报 yellow", () => {
    expect(light({ reportFlag: "MISSING" })).toBe("RED");
    expect(light({ reportFlag: "LATE" })).toBe("YELLOW");
    expect(lightReasons(task({ reportFlag: "LATE" }), DEFAULT_WARNING, today)).toEqual(["LATE"]);
  });
});
