import { describe, expect, it } from "vitest";
import { JOB_NAMES } from "../lib/names";
import { assertSchedule } from "../lib/schedule";
import { findJob, JOBS } from "./registry";

describe("the job registry", () => {
  it("holds every named job once, in the names' order", () => {
    expect(JOBS.map((j) => j.name)).toEqual([...JOB_NAMES]);
    expect(findJob("task-reminders")?.name).toBe("task-reminders");
    expect(findJob("nope")).toBeUndefined();
  });

  it("gives every job a valid schedule and sane retries", () => {
    for (const j of JOBS) {
      expect(() => assertSchedule(j.schedule), j.name).not.toThrow();
      expect(j.retry.limit, j.name).toBeGreaterThanOrEqual(0);
      if (j.retry.limit > 0) {
        expect(j.retry.delaySeconds, j.name).toBeGreaterThan(0);
        expect(j.retry.maxDelaySeconds, j.name).toBeGreaterThanOrEqual(j.retry.delaySeconds);
        // The back-off ends before the next slot would run the job anyway.
        expect(j.retry.maxDelaySeconds, j.name).toBeLessThanOrEqual(j.schedule.everyMinutes * 60);
      }
      expect(j.expireInSeconds, j.name).toBeGreaterThan(0);
    }
  });

  it("keeps the schedules the app ran before pg-boss", () => {
    const every = Object.fromEntries(JOBS.map((j) => [j.name, j.schedule.everyMinutes]));
    expect(every).toEqual({
      "task-reminders": 10,
      "rollup-watermark": 10,
      "trend-snapshots": 10,
      "daily-relight": 10,
      "reporting-calendar": 10,
      "import-recovery": 1,
      "upload-cleanup": 60,
      "password-sheet-sweep": 60,
      "job-runs-prune": 60,
    });
  });
});
