// A job's schedule: every N minutes (N divides 60), at an offset within the period. One description
// gives both runners their timing: the cron expression pg-boss fires once per slot across instances,
// and the next run the in-process timers and /system/jobs show.

export type TSchedule = { everyMinutes: number; offsetMinutes?: number };

const DIVISORS_OF_60 = [1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30, 60];

/** Throws when the schedule cannot be written as one cron field (checked for every job in the tests). */
export function assertSchedule({ everyMinutes, offsetMinutes = 0 }: TSchedule): void {
  if (!DIVISORS_OF_60.includes(everyMinutes)) throw new Error(`everyMinutes must divide 60: ${everyMinutes}`);
  if (!Number.isInteger(offsetMinutes) || offsetMinutes < 0 || offsetMinutes >= everyMinutes)
    throw new Error(`offsetMinutes must be in [0, ${everyMinutes}): ${offsetMinutes}`);
}

/** The 5-field cron expression (minute field only; whole-hour time zones do not move it). */
export function cronOf(s: TSchedule): string {
  assertSchedule(s);
  const n = s.everyMinutes;
  const off = s.offsetMinutes ?? 0;
  if (n === 60) return `${off} * * * *`;
  if (n === 1) return "* * * * *";
  return off === 0 ? `*/${n} * * * *` : `${off}-59/${n} * * * *`;
}

/** The first slot strictly after `from`: a whole minute m with (minute-of-hour − offset) mod N = 0. */
export function nextRunAfter(s: TSchedule, from: Date): Date {
  assertSchedule(s);
  const minute = 60_000;
  let t = Math.floor(from.getTime() / minute) * minute + minute;
  for (;;) {
    const m = new Date(t).getUTCMinutes();
    if ((m - (s.offsetMinutes ?? 0) + 60) % s.everyMinutes === 0) return new Date(t);
    t += minute;
  }
}
