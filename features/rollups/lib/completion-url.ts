// Links of the completion views. Every view keeps the org and the objective scope in the URL.
export type TCompletionView = "table" | "heatmap" | "map" | "trend";
export const COMPLETION_VIEWS: readonly TCompletionView[] = ["table", "heatmap", "map", "trend"];

export function completionHref(p: {
  org?: number;
  objective?: string;
  view?: TCompletionView;
  page?: number;
  /** The chosen indicator (features/indicators): kept by the table and heatmap views. */
  indicator?: number;
}): string {
  const q = new URLSearchParams();
  if (p.org) q.set("org", String(p.org));
  if (p.objective) q.set("objective", p.objective);
  if (p.view && p.view !== "table") q.set("view", p.view);
  if (p.page && p.page > 1) q.set("page", String(p.page));
  if (p.indicator) q.set("indicator", String(p.indicator));
  const s = q.toString();
  return s ? `/completion?${s}` : "/completion";
}

/**
 * The tasks behind a figure: the task list filtered to the tasks counted in an org's figures
 * (its subtree, each chain once) and optionally more.
 */
export function tasksHref(p: {
  org: number;
  objective?: string;
  main?: number;
  overdue?: boolean;
  light?: "RED" | "YELLOW" | "GREEN";
}): string {
  const q = new URLSearchParams({ org: String(p.org), counted: "1" });
  if (p.objective) q.set("objective", p.objective);
  if (p.main) q.set("main", String(p.main));
  if (p.overdue) q.set("overdue", "1");
  if (p.light) q.set("light", p.light);
  return `/tasks?${q.toString()}`;
}
