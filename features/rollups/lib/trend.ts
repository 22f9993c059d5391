// The trend's weekly points come from daily snapshots; the current week shows the live figures.
export type TWeekPoint = { date: string; total: number; completed: number; overdue: number };

/** Monday of the week of a UTC-midnight day, as YYYY-MM-DD (the snapshots' week start too). */
export function weekStart(day: Date): string {
  const back = (day.getUTCDay() + 6) % 7;
  return new Date(day.getTime() - back * 86_400_000).toISOString().slice(0, 10);
}

export function withLivePoint(
  points: readonly TWeekPoint[],
  live: Omit<TWeekPoint, "date">,
  today: Date,
): TWeekPoint[] {
  const date = weekStart(today);
  return [...points.filter((p) => p.date !== date), { date, ...live }].sort((a, b) =>
    a.date.localeCompare(b.date),
  );
}
