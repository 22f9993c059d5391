import { describe, expect, it } from "vitest";
import { assertSchedule, cronOf, nextRunAfter } from "./schedule";

const at = (iso: string) => new Date(iso);

describe("cronOf", () => {
  it("writes the minute field of every shape", () => {
    expect(cronOf({ everyMinutes: 1 })).toBe("* * * * *");
    expect(cronOf({ everyMinutes: 10 })).toBe("*/10 * * * *");
    expect(cronOf({ everyMinutes: 10, offsetMinutes: 3 })).toBe("3-59/10 * * * *");
    expect(cronOf({ everyMinutes: 60 })).toBe("0 * * * *");
    expect(cronOf({ everyMinutes: 60, offsetMinutes: 37 })).toBe("37 * * * *");
  });

  it("refuses periods that do not divide the hour and offsets outside the period", () => {
    expect(() => assertSchedule({ everyMinutes: 7 })).toThrow(/divide 60/);
    expect(() => assertSchedule({ everyMinutes: 90 })).toThrow(/divide 60/);
    expect(() => assertSchedule({ everyMinutes: 10, offsetMinutes: 10 })).toThrow(/offsetMinutes/);
    expect(() => assertSchedule({ everyMinutes: 10, offsetMinutes: -1 })).toThrow(/offsetMinutes/);
    expect(() => assertSchedule({ everyMinutes: 10, offsetMinutes: 1.5 })).toThrow(/offsetMinutes/);
  });
});

describe("nextRunAfter", () => {
  it("is the next slot strictly after the instant", () => {
    const s = { everyMinutes: 10, offsetMinutes: 3 };
    expect(nextRunAfter(s, at("2026-12-06T01:02:59.999Z"))).toEqual(at("2026-12-06T01:03:00Z"));
    // On a slot: the one after it.
    expect(nextRunAfter(s, at("2026-12-06T01:03:00Z"))).toEqual(at("2026-12-06T01:13:00Z"));
    expect(nextRunAfter(s, at("2026-12-06T01:54:10Z"))).toEqual(at("2026-12-06T02:03:00Z"));
  });

  it("crosses the hour and the day for hourly jobs", () => {
    const s = { everyMinutes: 60, offsetMinutes: 37 };
    expect(nextRunAfter(s, at("2026-12-06T23:37:00Z"))).toEqual(at("2026-12-07T00:37:00Z"));
    expect(nextRunAfter(s, at("2026-12-06T23:36:30Z"))).toEqual(at("2026-12-06T23:37:00Z"));
  });

  it("every minute is the next whole minute", () => {
    expect(nextRunAfter({ everyMinutes: 1 }, at("2026-12-06T01:02:03Z"))).toEqual(at("2026-12-06T01:03:00Z"));
  });

  it("matches the cron for every minute of an hour (checked by brute force)", () => {
    for (const s of [
      { everyMinutes: 15, offsetMinutes: 4 },
      { everyMinutes: 5 },
      { everyMinutes: 30, offsetMinutes: 29 },
    ]) {
      const fires: number[] = [];
      for (let m = 0; m < 60; m++) if (m % s.everyMinutes === (s.offsetMinutes ?? 0)) fires.push(m);
      const start = at("2026-12-06T05:00:00Z").getTime();
      for (let m = 0; m < 60; m++) {
        const next = nextRunAfter(s, new Date(start + m * 60_000 + 30_000));
        const expected = fires.find((f) => f > m) ?? fires[0]! + 60;
        expect(next.getTime()).toBe(start + expected * 60_000);
      }
    }
  });
});
