// Completion figures from summed roll-up counts. Pure, shared by the views and exports.
export const COUNTS = [
  "pendingSign",
  "handedBack",
  "inProgress",
  "submitted",
  "completed",
  "completedOnTime",
  "progressSum",
  "overdue",
  // 红黄绿灯: open counted tasks by warning light (features/lights).
  "red",
  "yellow",
  "green",
] as const;
export type TCounts = Record<(typeof COUNTS)[number], number>;

export type TMetrics = TCounts & {
  total: number; // assigned and not cancelled
  signed: number; // signed for (or claimed): in progress, under review or completed
  completionRate: number | null; // completed / total
  onTimeRate: number | null; // completed on time / completed
  avgProgress: number | null; // mean progress, completed = 100
};

export const emptyCounts = (): TCounts => ({
  pendingSign: 0,
  handedBack: 0,
  inProgress: 0,
  submitted: 0,
  completed: 0,
  completedOnTime: 0,
  progressSum: 0,
  overdue: 0,
  red: 0,
  yellow: 0,
  green: 0,
});

export function addCounts(into: TCounts, x: TCounts): TCounts {
  for (const c of COUNTS) into[c] += x[c];
  return into;
}

export function subtractCounts(a: TCounts, b: TCounts): TCounts {
  const out = emptyCounts();
  for (const c of COUNTS) out[c] = a[c] - b[c];
  return out;
}

export function toMetrics(c: TCounts): TMetrics {
  const total = c.pendingSign + c.handedBack + c.inProgress + c.submitted + c.completed;
  return {
    ...c,
    total,
    signed: c.inProgress + c.submitted + c.completed,
    completionRate: total ? c.completed / total : null,
    onTimeRate: c.completed ? c.completedOnTime / c.completed : null,
    avgProgress: total ? c.progressSum / total : null,
  };
}

/** "45.5%", or "—" when there is nothing to divide by. */
export function formatRate(r: number | null): string {
  return r === null ? "—" : `${(Math.round(r * 1000) / 10).toFixed(1)}%`;
}
