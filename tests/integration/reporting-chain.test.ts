import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, chinaToday, formatDay } from "@/lib/dates";
import { ZAssignTasks } from "@/features/tasks/schemas";
import { assignTasks } from "@/features/tasks/server/assign-tasks";
import { logProgress } from "@/features/tasks/server/log-progress";
import { signTask } from "@/features/tasks/server/sign-task";
import { openDuePeriods } from "@/features/reporting/server/open-periods";
import { closePeriod } from "@/features/reporting/server/close-period";
import { readReportCounts } from "@/features/reporting/server/read-status";
import { readMissedTasks } from "@/features/reporting/server/read-missed";
import { readTaskReporting } from "@/features/reporting/server/read-task-reporting";
import { rebuildReportingRollups } from "@/features/reporting/server/read-rebuild";
import { readMaintainedReporting, recomputeReporting } from "@/features/reporting/server/recompute-reporting";
import { addMonths, monthStart } from "@/features/reporting/lib/dates";
import { seedAll } from "@/prisma/seed/seed-all";
import { loadActors, type TTestActor } from "../helpers/actors";
import { createTestDb, type TTestDb } from "../helpers/test-db";

// A province's 定期报送 reaches the grassroots, worked out by hand. 河北 assigns measure M to 石家庄
// and 唐山 with a monthly rule on that 下达 (due on the 25th); 石家庄 passes it down to 正定 and 正定
// to its 4 branches, both WITHOUT a rule of their own. The rule covers the whole chain below its
// batch, so all 7 tasks owe next month's report. Regions (each chain once per region): 石家庄's task
// counts in 河北 and 石家庄, 唐山's in 河北 and 唐山, 正定's in 正定 (below its parent's holder), the
// branches' in no federation row (branches are read from their tasks).
let t: TTestDb;
let A: Record<string, TTestActor>;
const today = chinaToday();
const m1 = addMonths(monthStart(today), 1);
const m2 = addMonths(m1, 1);
const noonOf = (day: Date) => new Date(day.getTime() + 4 * 3_600_000); // 12:00 in China
const token = () => crypto.randomUUID();
const org = (code: string) => t.db.org.findUniqueOrThrow({ where: { code } });
const chairs = ["hengda.chair", "branch2.chair", "branch3.chair", "branch4.chair"];
let M: number;
let ids: Record<"hebei" | "sjz" | "ts" | "zd", number>;
let branches: { id: number; level: string; parentId: number | null }[];
let ruleId: number;
let period: number;
const taskOf = (orgId: number) => t.db.task.findFirstOrThrow({ where: { objectiveId: M, orgId } });
const sign = async (a: TTestActor, orgId: number) => {
  const x = await taskOf(orgId);
  await signTask(a, { taskId: x.id, version: x.version });
};
const report = async (a: TTestActor, orgId: number, at: Date) => {
  const x = await taskOf(orgId);
  const input = { taskId: x.id, version: x.version, clientToken: token(), percent: 40 };
  await logProgress(a, { ...input, state: "NORMAL", narrative: "月报", attachmentIds: [] }, at);
};
const rr = async (orgId: number) => {
  const r = await t.db.reportingRollup.findUnique({ where: { orgId_periodId: { orgId, periodId: period } } });
  return r ? { due: r.due, onTime: r.onTime, late: r.late, missing: r.missing } : null;
};
const flagLight = async (orgId: number) => {
  const x = await taskOf(orgId);
  return [x.reportFlag, x.light];
};
async function expectExact() {
  const [m, r] = await Promise.all([readMaintainedReporting(t.db), recomputeReporting(t.db)]);
  expect(Object.fromEntries(m.rows)).toEqual(Object.fromEntries(r.rows));
  expect(Object.fromEntries(m.flags)).toEqual(Object.fromEntries(r.flags));
}

beforeAll(async () => {
  t = await createTestDb();
  await seedAll(t.db, { demoUsers: true });
  const [hebei, sjz, ts, zd] = await Promise.all([
    org("130000"),
    org("130100"),
    org("130200"),
    org("130123"),
  ]);
  ids = { hebei: hebei.id, sjz: sjz.id, ts: ts.id, zd: zd.id };
  branches = await t.db.org.findMany({
    where: { parentId: zd.id },
    orderBy: { code: "asc" },
    select: { id: true, level: true, parentId: true },
  });
  expect(branches).toHaveLength(4);
  await t.db.user.createMany({
    data: [
      ...branches.slice(1).map((o, i) => ({
        username: `branch${i + 2}.chair`,
        name: `基层工会主席${i + 2}`,
        role: "CHAIR" as const,
        orgId: o.id,
        passwordHash: "x",
      })),
      {
        username: "sjz.chair",
        name: "石家庄市总工会主席",
        role: "CHAIR" as const,
        orgId: sjz.id,
        passwordHash: "x",
      },
      {
        username: "tangshan",
        name: "唐山市总工会督办员",
        role: "MANAGER" as const,
        orgId: ts.id,
        passwordHash: "x",
      },
    ],
  });
  A = await loadActors(t.db);
  M = (await t.db.objective.findUniqueOrThrow({ where: { code: "3.6.1.1" } })).id;
  const due = formatDay(addDays(today, 300));
  const rule = { frequency: "MONTHLY", dueDay: "25", startDate: formatDay(m1), endDate: due };
  const top = await assignTasks(
    A.hebei!,
    ZAssignTasks.parse({
      clientToken: token(),
      dueDate: due,
      objectiveIds: [M],
      target: { mode: "orgs", orgIds: [sjz.id, ts.id] },
      reporting: rule,
    }),
  );
  ruleId = (await t.db.reportingRule.findFirstOrThrow({ where: { batchId: top.batchId } })).id;
  await sign(A.shijiazhuang!, sjz.id);
  await sign(A.tangshan!, ts.id);
  const pass = async (a: TTestActor, from: number, target: object) =>
    assignTasks(
      a,
      ZAssignTasks.parse({
        clientToken: token(),
        dueDate: due,
        parentTaskId: (await taskOf(from)).id,
        objectiveIds: [M],
        target,
      }),
    );
  await pass(A.shijiazhuang!, sjz.id, { mode: "orgs", orgIds: [zd.id] });
  await sign(A["zhengding.chair"]!, zd.id);
  await pass(A.zhengding!, zd.id, { mode: "level", level: "GRASSROOTS", underOrgId: zd.id });
  for (const [i, b] of branches.entries()) await sign(A[chairs[i]!]!, b.id);
  expect(await t.db.reportingRule.count()).toBe(1); // nobody below set a rule of their own
});
afterAll(() => t?.close());

describe("a province's reporting rule covers every task passed down from its 下达", () => {
  it("the chain's tasks carry the batches above them; the rule covers them all", async () => {
    const top = (await taskOf(ids.sjz)).batchId!;
    const zd = await taskOf(ids.zd);
    const leaf = await taskOf(branches[0]!.id);
    expect(zd.batchPath).toEqual([top, zd.batchId]);
    expect(leaf.batchPath).toEqual([top, zd.batchId, leaf.batchId]);
    // The grassroots task's page names the province's rule.
    expect((await readTaskReporting(t.db, leaf)).rules.map((r) => r.id)).toEqual([ruleId]);
  });

  it("the period opens: 7 tasks owe it, due per region by hand", async () => {
    const opened = await openDuePeriods(t.db, m1);
    expect(opened).toHaveLength(1);
    period = opened[0]!;
    const one = { due: 1, onTime: 0, late: 0, missing: 0 };
    expect(await rr(ids.hebei)).toEqual({ ...one, due: 2 });
    expect(await rr(ids.sjz)).toEqual(one);
    expect(await rr(ids.ts)).toEqual(one);
    expect(await rr(ids.zd)).toEqual(one);
    // 正定's 报送情况 lists its 4 branches, each owing one report (read from their tasks).
    const rows = await readReportCounts(t.db, { orgs: branches, periodId: period });
    expect(rows.map((r) => [r.orgId, r.due]).sort()).toEqual(branches.map((b) => [b.id, 1]).sort());
    await expectExact();
  });

  it("grassroots report on time or late, one misses: counts, flags and lights by hand", async () => {
    const onTime = noonOf(addDays(m1, 9)); // the 10th
    const late = noonOf(addDays(m1, 26)); // the 27th: after the 25th
    await report(A["sjz.chair"]!, ids.sjz, onTime);
    await report(A["zhengding.chair"]!, ids.zd, onTime);
    await report(A[chairs[0]!]!, branches[0]!.id, onTime);
    await report(A[chairs[1]!]!, branches[1]!.id, late);
    await report(A[chairs[2]!]!, branches[2]!.id, onTime);
    // Branch 4 and 唐山 never report. The close: 2 漏报.
    expect(await closePeriod(t.db, period, m2)).toMatchObject({ closed: true, missing: 2 });
    expect(await rr(ids.hebei)).toEqual({ due: 2, onTime: 1, late: 0, missing: 1 });
    expect(await rr(ids.sjz)).toEqual({ due: 1, onTime: 1, late: 0, missing: 0 });
    expect(await rr(ids.ts)).toEqual({ due: 1, onTime: 0, late: 0, missing: 1 });
    expect(await rr(ids.zd)).toEqual({ due: 1, onTime: 1, late: 0, missing: 0 });
    const rows = await readReportCounts(t.db, { orgs: branches, periodId: period });
    const byOrg = new Map(rows.map((r) => [r.orgId, [r.due, r.onTime, r.late, r.missing]]));
    expect(branches.map((b) => byOrg.get(b.id))).toEqual([
      [1, 1, 0, 0],
      [1, 0, 1, 0],
      [1, 1, 0, 0],
      [1, 0, 0, 1],
    ]);
    expect(await flagLight(branches[3]!.id)).toEqual(["MISSING", "RED"]);
    expect(await flagLight(branches[1]!.id)).toEqual(["LATE", "YELLOW"]);
    expect(await flagLight(branches[0]!.id)).toEqual(["NONE", "GREEN"]);
    expect(await flagLight(ids.ts)).toEqual(["MISSING", "RED"]);
    // 河北's drill-down names both units that missed, the grassroots one included.
    const missed = await readMissedTasks(t.db, { orgId: ids.hebei, periodId: period, closed: true, page: 1 });
    expect(missed.rows.map((r) => r.orgId).sort()).toEqual([branches[3]!.id, ids.ts].sort());
    await expectExact();
    // A rebuild from the tasks by the same rule gives the same rows.
    const before = await readMaintainedReporting(t.db);
    await rebuildReportingRollups(t.db);
    expect(Object.fromEntries((await readMaintainedReporting(t.db)).rows)).toEqual(
      Object.fromEntries(before.rows),
    );
  });
});
