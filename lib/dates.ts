// Due dates are calendar days in China (Asia/Shanghai), stored as DATE (UTC midnight in JS).
const FMT = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Asia/Shanghai",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

const DAY_MS = 86_400_000;
const CHINA_OFFSET_MS = 8 * 3_600_000;
/** China has kept UTC+8 all year since 1992 (summer time ended in 1991): from then on, plain arithmetic. */
const FIXED_OFFSET_FROM = Date.UTC(1992, 0, 1);

/** Today's calendar day in China as a UTC-midnight Date, comparable with DATE columns. */
export function chinaToday(now: Date = new Date()): Date {
  const ms = now.getTime();
  // Arithmetic, not Intl: exports call this for millions of timestamps, and Intl formats ~50× slower.
  if (ms >= FIXED_OFFSET_FROM) return new Date(Math.floor((ms + CHINA_OFFSET_MS) / DAY_MS) * DAY_MS);
  return new Date(`${FMT.format(now)}T00:00:00.000Z`);
}

/** "YYYY-MM-DD" → UTC-midnight Date; throws on anything else. */
export function parseDay(s: string): Date {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) throw new Error(`not a day: ${s}`);
  const d = new Date(`${s}T00:00:00.000Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== s) throw new Error(`not a day: ${s}`);
  return d;
}

/** "YYYY-MM-DD" of a UTC-midnight Date (years 1000–9999). By hand: exports format millions of days. */
export function formatDay(d: Date): string {
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + 1;
  const day = d.getUTCDate();
  return `${y}-${m < 10 ? "0" : ""}${m}-${day < 10 ? "0" : ""}${day}`;
}

export function addDays(d: Date, days: number): Date {
  return new Date(d.getTime() + days * 86_400_000);
}

/** Whole days from `today` to `due` (negative when overdue). */
export function daysUntil(due: Date, today: Date): number {
  return Math.round((due.getTime() - today.getTime()) / 86_400_000);
}

const CHINA_SECONDS = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Asia/Shanghai",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

/** "2026-11-25 08:05:09" in Asia/Shanghai (an audit row's time to the second). */
export function formatChinaSeconds(d: Date): string {
  const p = Object.fromEntries(CHINA_SECONDS.formatToParts(d).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
}

/** "2026-11-25 08:05" in Asia/Shanghai. */
export function formatChinaDateTime(d: Date): string {
  return formatChinaSeconds(d).slice(0, 16);
}
