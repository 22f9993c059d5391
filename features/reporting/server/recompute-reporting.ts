import type { TDb } from "@/lib/db/client";

// An independent second implementation of the 报送情况 counts and of Task.reportFlag, for the tests:
// it walks the org tree through Org.parentId and the chains through Task.parentTaskId (not
// orgPath / countFrom / batchPath: a batch rule covers the batch's tasks and every task below them
// through parentTaskId), and applies the owing rule and the flag rule in TypeScript. No "server-only".

const FEDERATION_ROWS = new Set(["PROVINCE", "CITY", "COUNTY"]);
const OPEN = new Set(["PENDING_SIGN", "IN_PROGRESS", "SUBMITTED", "HANDED_BACK"]);
const chinaDay = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
const day = (d: Date) => d.toISOString().slice(0, 10);

export type TReportingFigures = Map<string, { due: number; onTime: number; late: number; missing: number }>;

/** The expected ReportingRollup rows (key "org:period", zero rows left out) and reportFlag per task. */
export async function recomputeReporting(
  db: TDb,
): Promise<{ rows: TReportingFigures; flags: Map<number, string> }> {
  const [orgs, tasks, objectives, periods, reports] = await Promise.all([
    db.org.findMany({ select: { id: true, parentId: true, level: true } }),
    db.task.findMany({
      select: {
        id: true,
        orgId: true,
        parentTaskId: true,
        status: true,
        createdAt: true,
        objectiveId: true,
        batchId: true,
      },
    }),
    db.objective.findMany({ select: { id: true, planId: true } }),
    db.reportingPeriod.findMany({ include: { rule: true } }),
    db.periodReport.findMany(),
  ]);
  const orgById = new Map(orgs.map((o) => [o.id, o]));
  const taskById = new Map(tasks.map((t) => [t.id, t]));
  const planOf = new Map(objectives.map((o) => [o.id, o.planId]));
  const up = (orgId: number): number[] => {
    const out: number[] = [];
    for (let o = orgById.get(orgId); o; o = o.parentId === null ? undefined : orgById.get(o.parentId))
      out.push(o.id);
    return out;
  };
  // The batches of a task's chain, walked up through parentTaskId.
  const chainBatches = (taskId: number): Set<number> => {
    const out = new Set<number>();
    for (
      let t = taskById.get(taskId);
      t;
      t = t.parentTaskId === null ? undefined : taskById.get(t.parentTaskId)
    )
      if (t.batchId !== null) out.add(t.batchId);
    return out;
  };
  const regions = (taskId: number): number[] => {
    const t = taskById.get(taskId)!;
    const parent = t.parentTaskId === null ? null : taskById.get(t.parentTaskId)!;
    const above = new Set(parent ? up(parent.orgId) : []);
    return up(t.orgId).filter((o) => !above.has(o) && FEDERATION_ROWS.has(orgById.get(o)!.level));
  };
  const rows: TReportingFigures = new Map();
  const add = (org: number, period: number, col: "onTime" | "late" | "missing" | null) => {
    const k = `${org}:${period}`;
    const r = rows.get(k) ?? { due: 0, onTime: 0, late: 0, missing: 0 };
    r.due += 1;
    if (col) r[col] += 1;
    rows.set(k, r);
  };
  const col = { ON_TIME: "onTime", LATE: "late", MISSING: "missing" } as const;
  const reported = new Set(reports.map((r) => `${r.periodId}:${r.taskId}`));
  for (const r of reports) for (const o of regions(r.taskId)) add(o, r.periodId, col[r.status]);
  for (const p of periods) {
    if (p.status !== "OPEN") continue;
    for (const t of tasks) {
      const covered =
        (p.rule.planId !== null && planOf.get(t.objectiveId) === p.rule.planId) ||
        p.rule.objectiveId === t.objectiveId ||
        (p.rule.batchId !== null && chainBatches(t.id).has(p.rule.batchId));
      if (!covered || !OPEN.has(t.status) || chinaDay(t.createdAt) >= day(p.startDate)) continue;
      if (reported.has(`${p.id}:${t.id}`)) continue;
      for (const o of regions(t.id)) add(o, p.id, null);
    }
  }
  // The flag: the standing of the latest-due period with a report (same due day: the worst).
  const dueOf = new Map(periods.map((p) => [p.id, day(p.dueDate)]));
  const worst = { MISSING: 0, LATE: 1, ON_TIME: 2 } as const;
  const best = new Map<number, { due: string; status: keyof typeof worst }>();
  for (const r of reports) {
    const d = dueOf.get(r.periodId)!;
    const b = best.get(r.taskId);
    if (!b || d > b.due || (d === b.due && worst[r.status] < worst[b.status]))
      best.set(r.taskId, { due: d, status: r.status });
  }
  const flags = new Map(tasks.map((t) => [t.id, "NONE"]));
  for (const [id, b] of best) flags.set(id, b.status === "ON_TIME" ? "NONE" : b.status);
  return { rows, flags };
}

/** The maintained ReportingRollup rows and flags in the same shape. */
export async function readMaintainedReporting(db: TDb) {
  const [rr, tasks] = await Promise.all([
    db.reportingRollup.findMany(),
    db.task.findMany({ select: { id: true, reportFlag: true } }),
  ]);
  const rows: TReportingFigures = new Map();
  for (const r of rr)
    if (r.due || r.onTime || r.late || r.missing)
      rows.set(`${r.orgId}:${r.periodId}`, {
        due: r.due,
        onTime: r.onTime,
        late: r.late,
        missing: r.missing,
      });
  return { rows, flags: new Map(tasks.map((t) => [t.id, t.reportFlag as string])) };
}
