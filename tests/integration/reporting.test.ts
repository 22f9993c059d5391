import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, chinaToday, formatDay } from "@/lib/dates";
import { ZAssignTasks } from "@/features/tasks/schemas";
import { assignTasks } from "@/features/tasks/server/assign-tasks";
import { logProgress } from "@/features/tasks/server/log-progress";
import { signTask } from "@/features/tasks/server/sign-task";
import { lightDrift, readMaintainedLights, recomputeLights } from "@/features/lights/server/recompute-lights";
import { ZCreateReportingRule } from "@/features/reporting/schemas";
import { createReportingRule, retireReportingRule } from "@/features/reporting/server/rules";
import { listPlanReportingRules } from "@/features/reporting/server/list-rules";
import { openDuePeriods } from "@/features/reporting/server/open-periods";
import { closeDuePeriods, closePeriod } from "@/features/reporting/server/close-period";
import { sweepReportReminders } from "@/features/reporting/server/sweep-report-reminders";
import { readMaintainedReporting, recomputeReporting } from "@/features/reporting/server/recompute-reporting";
import { addMonths, monthStart } from "@/features/reporting/lib/dates";
import { seedAll } from "@/prisma/seed/seed-all";
import { ZMoveOrg } from "@/features/organizations/schemas";
import { moveOrg } from "@/features/organizations/server/change/move-org";
import { codeOf, loadActors, type TTestActor } from "../helpers/actors";
import { createTestDb, type TTestDb } from "../helpers/test-db";

// 定期报送 worked out by hand. 全总 gives measure M to 河北 and 山西; 河北 passes its task to 正定,
// 正定 to its 4 branches. A monthly rule on M (due on the 25th) from next month on. Regions (each
// chain once per region; rows for provinces, cities, counties): 河北's task counts in 河北, 正定's in
// 石家庄 and 正定, the branches' in no federation row (branches are read from Task), 山西's in 山西.
let t: TTestDb;
let A: Record<string, TTestActor>;
const today = chinaToday();
const m1 = addMonths(monthStart(today), 1); // first day of next month
const m2 = addMonths(m1, 1);
const m3 = addMonths(m1, 2);
const noonOf = (day: Date) => new Date(day.getTime() + 4 * 3_600_000); // 12:00 in China
const token = () => crypto.randomUUID();
const org = (code: string) => t.db.org.findUniqueOrThrow({ where: { code } });
let M: { id: number; code: string; planId: number };
const taskOf = (orgId: number) => t.db.task.findFirstOrThrow({ where: { objectiveId: M.id, orgId } });
const chairs = ["hengda.chair", "branch2.chair", "branch3.chair", "branch4.chair"];
let ids: Record<string, number>;
let branchIds: number[];
let period1: number;

const report = async (actor: TTestActor, orgId: number, at: Date) => {
  const percent = 50;
  const x = await taskOf(orgId);
  return logProgress(
    actor,
    {
      taskId: x.id,
      version: x.version,
      clientToken: token(),
      percent,
      state: "NORMAL",
      narrative: "月报",
      attachmentIds: [],
    },
    at,
  );
};
const rr = async (orgId: number, periodId: number) => {
  const r = await t.db.reportingRollup.findUnique({ where: { orgId_periodId: { orgId, periodId } } });
  return r ? { due: r.due, onTime: r.onTime, late: r.late, missing: r.missing } : null;
};
const statusOf = async (periodId: number, orgId: number) =>
  (
    await t.db.periodReport.findUnique({
      where: { periodId_taskId: { periodId, taskId: (await taskOf(orgId)).id } },
    })
  )?.status ?? null;
/** The maintained 报送情况 and flags equal the independent recompute (parent links, TypeScript rules). */
async function expectExact() {
  const [m, r] = await Promise.all([readMaintainedReporting(t.db), recomputeReporting(t.db)]);
  expect(Object.fromEntries(m.rows)).toEqual(Object.fromEntries(r.rows));
  expect(Object.fromEntries(m.flags)).toEqual(Object.fromEntries(r.flags));
}
const flagLight = async (orgId: number) => {
  const x = await taskOf(orgId);
  return [x.reportFlag, x.light];
};
const redYellow = async (orgId: number) => {
  const r = await t.db.rollup.findUnique({ where: { orgId_objectiveId: { orgId, objectiveId: M.id } } });
  return { red: r?.red ?? 0, yellow: r?.yellow ?? 0 };
};

beforeAll(async () => {
  t = await createTestDb();
  await seedAll(t.db, { demoUsers: true });
  const zd = await org("130123");
  const others = await t.db.org.findMany({
    where: { parent: { code: "130123" }, code: { not: "1301230001" } },
    orderBy: { code: "asc" },
  });
  await t.db.user.createMany({
    data: [
      ...others.map((o, i) => ({
        username: `branch${i + 2}.chair`,
        name: `基层工会主席${i + 2}`,
        role: "CHAIR" as const,
        orgId: o.id,
        passwordHash: "x",
      })),
      {
        username: "hebei.chair2",
        name: "河北省总工会主席",
        role: "CHAIR" as const,
        orgId: (await org("130000")).id,
        passwordHash: "x",
      },
      {
        username: "shanxi",
        name: "山西省总工会督办员",
        role: "MANAGER" as const,
        orgId: (await org("140000")).id,
        passwordHash: "x",
      },
    ],
  });
  A = await loadActors(t.db);
  M = await t.db.objective.findUniqueOrThrow({ where: { code: "3.6.1.1" } });
  const hebei = await org("130000");
  const shanxi = await org("140000");
  const sjz = await org("130100");
  ids = { hebei: hebei.id, shanxi: shanxi.id, sjz: sjz.id, zd: zd.id };
  const due = formatDay(addDays(today, 365));
  await assignTasks(
    A.acftu!,
    ZAssignTasks.parse({
      clientToken: token(),
      dueDate: due,
      objectiveIds: [M.id],
      target: { mode: "orgs", orgIds: [hebei.id, shanxi.id] },
    }),
  );
  for (const [a, o] of [
    ["hebei", hebei.id],
    ["shanxi", shanxi.id],
  ] as const) {
    const x = await taskOf(o);
    await signTask(A[a]!, { taskId: x.id, version: x.version });
  }
  await assignTasks(
    A.hebei!,
    ZAssignTasks.parse({
      clientToken: token(),
      dueDate: due,
      parentTaskId: (await taskOf(hebei.id)).id,
      objectiveIds: [M.id],
      target: { mode: "orgs", orgIds: [zd.id] },
    }),
  );
  const z = await taskOf(zd.id);
  await signTask(A["zhengding.chair"]!, { taskId: z.id, version: z.version });
  await assignTasks(
    A.zhengding!,
    ZAssignTasks.parse({
      clientToken: token(),
      dueDate: formatDay(addDays(today, 300)),
      parentTaskId: z.id,
      objectiveIds: [M.id],
      target: { mode: "level", level: "GRASSROOTS", underOrgId: zd.id },
    }),
  );
  const branches = await t.db.org.findMany({ where: { parentId: zd.id }, orderBy: { code: "asc" } });
  branchIds = branches.map((b) => b.id);
  for (const [i, b] of branches.entries()) {
    const x = await taskOf(b.id);
    await signTask(A[chairs[i]!]!, { taskId: x.id, version: x.version });
  }
});
afterAll(() => t.close());

describe("reporting calendar", () => {
  it("rules: the plan's editor sets one, another province can neither set nor see it", async () => {
    const input = ZCreateReportingRule.parse({
      target: { objectiveId: M.id },
      rule: {
        frequency: "MONTHLY",
        dueDay: 25,
        startDate: formatDay(m1),
        endDate: formatDay(addDays(addMonths(m1, 3), -1)),
      },
    });
    expect(await codeOf(createReportingRule(A.shanxi!, input))).toBe("NOT_FOUND");
    const { ruleId } = await createReportingRule(A.acftu!, input);
    expect((await listPlanReportingRules(A.acftu!, M.planId)).map((r) => r.id)).toEqual([ruleId]);
    expect(await listPlanReportingRules(A.shanxi!, M.planId)).toEqual([]);
    expect(await codeOf(retireReportingRule(A.shanxi!, { ruleId }))).toBe("NOT_FOUND");
    expect(await codeOf(retireReportingRule(A["hengda.chair"]!, { ruleId }))).toBe("FORBIDDEN");
    // 河北 may set one on its own 下达 (分解 to 正定), 山西 may not.
    const batchId = (await taskOf(ids.zd!)).batchId!;
    const onBatch = ZCreateReportingRule.parse({ ...input, target: { batchId } });
    expect(await codeOf(createReportingRule(A.shanxi!, onBatch))).toBe("NOT_FOUND");
    const b = await createReportingRule(A.hebei!, onBatch);
    await retireReportingRule(A.hebei!, { ruleId: b.ruleId });
    expect(await codeOf(retireReportingRule(A.hebei!, { ruleId: b.ruleId }))).toBe("INVALID_TRANSITION");
    // Audited.
    expect(await t.db.auditEvent.count({ where: { action: "reporting.rule" } })).toBe(3);
    // The schema refuses an end before the start and a weekday 8.
    expect(
      ZCreateReportingRule.safeParse({ ...input, rule: { ...input.rule, endDate: formatDay(today) } })
        .success,
    ).toBe(false);
    expect(
      ZCreateReportingRule.safeParse({ ...input, rule: { ...input.rule, frequency: "WEEKLY", dueDay: 8 } })
        .success,
    ).toBe(false);
  });

  it("periods open by themselves, once; due counted per region by hand", async () => {
    expect(await openDuePeriods(t.db, addDays(m1, -1))).toEqual([]);
    const opened = await openDuePeriods(t.db, m1);
    expect(opened).toHaveLength(1); // the retired batch rule opens nothing
    expect(await openDuePeriods(t.db, m1)).toEqual([]);
    period1 = opened[0]!;
    const p = await t.db.reportingPeriod.findUniqueOrThrow({ where: { id: period1 } });
    expect([formatDay(p.startDate), formatDay(p.endDate), formatDay(p.dueDate)]).toEqual([
      formatDay(m1),
      formatDay(addDays(m2, -1)),
      formatDay(addDays(m1, 24)),
    ]);
    const one = { due: 1, onTime: 0, late: 0, missing: 0 };
    expect(await rr(ids.hebei!, period1)).toEqual(one);
    expect(await rr(ids.sjz!, period1)).toEqual(one);
    expect(await rr(ids.zd!, period1)).toEqual(one);
    expect(await rr(ids.shanxi!, period1)).toEqual(one);
    for (const b of branchIds) expect(await rr(b, period1)).toBeNull();
    // Three days before the due day (the 22nd): a reminder to every holder that owes the report, once.
    const soon = await sweepReportReminders(t.db, noonOf(addDays(m1, 21)));
    expect(soon.dueSoon).toBeGreaterThan(0);
    const dueSoonTasks = await t.db.notification.findMany({
      where: { type: "REPORT_DUE_SOON" },
      distinct: ["taskId"],
    });
    expect(dueSoonTasks).toHaveLength(2 + 1 + 4); // 河北 and 山西, 正定, 4 branches
    expect((await sweepReportReminders(t.db, noonOf(addDays(m1, 22)))).dueSoon).toBe(0);
    expect(await sweepReportReminders(t.db, noonOf(addDays(m1, 18)))).toEqual({
      dueSoon: 0,
      overdue: 0,
      review: 0,
    });
    // Nothing else has a row (the root has none: national = Σ provinces).
    expect(await t.db.reportingRollup.count({ where: { periodId: period1 } })).toBe(4);
  });

  it("reports: on time, late, only the first counts; flags and lights", async () => {
    const onTimeDay = noonOf(addDays(m1, 4));
    const lateDay = noonOf(addDays(m1, 25)); // the 26th: after the 25th
    await report(A["hebei.chair2"]!, ids.hebei!, onTimeDay);
    await report(A[chairs[0]!]!, branchIds[0]!, onTimeDay);
    await report(A[chairs[1]!]!, branchIds[1]!, onTimeDay);
    await report(A["zhengding.chair"]!, ids.zd!, lateDay);
    await report(A[chairs[2]!]!, branchIds[2]!, lateDay);
    await report(A["hebei.chair2"]!, ids.hebei!, lateDay); // a second report of the period: not counted again
    expect(await rr(ids.hebei!, period1)).toEqual({ due: 1, onTime: 1, late: 0, missing: 0 });
    expect(await rr(ids.sjz!, period1)).toEqual({ due: 1, onTime: 0, late: 1, missing: 0 });
    expect(await rr(ids.zd!, period1)).toEqual({ due: 1, onTime: 0, late: 1, missing: 0 });
    expect(await statusOf(period1, ids.hebei!)).toBe("ON_TIME");
    expect(await statusOf(period1, branchIds[2]!)).toBe("LATE");
    expect(await t.db.periodReport.count({ where: { periodId: period1 } })).toBe(5);
    // After the due day: 催办 to the two units that have not reported (branch 4, 山西) and a note to
    // their reviewing orgs (正定, 全总); nobody else, and a second sweep sends nothing new.
    const sweepAt = noonOf(addDays(m1, 26));
    const first = await sweepReportReminders(t.db, sweepAt);
    expect(first.dueSoon).toBe(0);
    const late = [(await taskOf(branchIds[3]!)).id, (await taskOf(ids.shanxi!)).id].sort();
    const sentTo = async (type: "REPORT_OVERDUE" | "REPORT_OVERDUE_REVIEW") => {
      const n = await t.db.notification.findMany({ where: { type }, select: { taskId: true, userId: true } });
      return { tasks: [...new Set(n.map((x) => x.taskId!))].sort(), users: new Set(n.map((x) => x.userId)) };
    };
    const holder = await sentTo("REPORT_OVERDUE");
    expect(holder.tasks).toEqual(late);
    expect(holder.users.has(A[chairs[3]!]!.id)).toBe(true);
    const review = await sentTo("REPORT_OVERDUE_REVIEW");
    expect(review.tasks).toEqual(late);
    expect(review.users.has(A.zhengding!.id) && review.users.has(A.acftu!.id)).toBe(true);
    expect(review.users.has(A[chairs[3]!]!.id)).toBe(false);
    expect(await sweepReportReminders(t.db, sweepAt)).toEqual({ dueSoon: 0, overdue: 0, review: 0 });
    expect(await flagLight(ids.zd!)).toEqual(["LATE", "YELLOW"]);
    expect(await flagLight(branchIds[2]!)).toEqual(["LATE", "YELLOW"]);
    expect(await flagLight(ids.hebei!)).toEqual(["NONE", "GREEN"]);
    expect(await redYellow(ids.zd!)).toEqual({ red: 0, yellow: 1 });
  });

  it("closing marks 漏报 (red) once; a second close is a no-op", async () => {
    expect(await closeDuePeriods(t.db, addDays(m2, -1))).toEqual([]); // not ended yet
    const r = await closePeriod(t.db, period1, m2);
    expect(r).toMatchObject({ closed: true, missing: 2 }); // branch 4 and 山西
    expect(await closePeriod(t.db, period1, m2)).toEqual({ closed: false, missing: 0, relit: 0 });
    expect(await closeDuePeriods(t.db, m2)).toEqual([]);
    expect(await statusOf(period1, branchIds[3]!)).toBe("MISSING");
    expect(await flagLight(branchIds[3]!)).toEqual(["MISSING", "RED"]);
    expect(await flagLight(ids.shanxi!)).toEqual(["MISSING", "RED"]);
    expect(await rr(ids.shanxi!, period1)).toEqual({ due: 1, onTime: 0, late: 0, missing: 1 });
    expect(await rr(ids.zd!, period1)).toEqual({ due: 1, onTime: 0, late: 1, missing: 0 });
    expect(await redYellow(ids.shanxi!)).toEqual({ red: 1, yellow: 0 });
    // National = Σ provinces: 2 due, 1 on time, 1 missing.
    const nat = await t.db.reportingRollup.aggregate({
      where: { periodId: period1, orgId: { in: [ids.hebei!, ids.shanxi!] } },
      _sum: { due: true, onTime: true, late: true, missing: true },
    });
    expect(nat._sum).toEqual({ due: 2, onTime: 1, late: 0, missing: 1 });
    expect(await t.db.periodReport.count({ where: { periodId: period1 } })).toBe(7);
    await expectExact();
    const [m, c] = await Promise.all([readMaintainedLights(t.db), recomputeLights(t.db, m2)]);
    expect(lightDrift(m, c).filter((d) => JSON.stringify(d).includes(String(ids.shanxi)))).toEqual([]);
  });

  it("the next period: an on-time report clears 漏报; concurrent closes close once (PostgreSQL)", async () => {
    const [p2] = await openDuePeriods(t.db, m2);
    expect(p2).toBeDefined();
    expect(await rr(ids.shanxi!, p2!)).toEqual({ due: 1, onTime: 0, late: 0, missing: 0 });
    await report(A[chairs[3]!]!, branchIds[3]!, noonOf(addDays(m2, 1)));
    expect(await flagLight(branchIds[3]!)).toEqual(["NONE", "GREEN"]);
    // Branch 4's report answered its 催办 of period 1 (read); 山西's stays unread.
    const unread = async (orgId: number) =>
      t.db.notification.count({
        where: { taskId: (await taskOf(orgId)).id, type: "REPORT_OVERDUE", readAt: null },
      });
    expect(await unread(branchIds[3]!)).toBe(0);
    expect(await unread(ids.shanxi!)).toBeGreaterThan(0);
    const closes = process.env.TEST_DATABASE_URL
      ? await Promise.all([closePeriod(t.db, p2!, m3), closePeriod(t.db, p2!, m3)])
      : [await closePeriod(t.db, p2!, m3), await closePeriod(t.db, p2!, m3)];
    expect(closes.filter((c) => c.closed)).toHaveLength(1);
    // Everyone but branch 4 missed period 2: 河北, 正定, branches 1–3, 山西.
    expect(closes.find((c) => c.closed)!.missing).toBe(6);
    for (const o of [ids.hebei!, ids.sjz!, ids.zd!, ids.shanxi!])
      expect(await rr(o, p2!)).toEqual({ due: 1, onTime: 0, late: 0, missing: 1 });
    expect(await flagLight(ids.hebei!)).toEqual(["MISSING", "RED"]);
    expect(await flagLight(branchIds[3]!)).toEqual(["NONE", "GREEN"]);
  });

  it("a tree change moves a branch's reports to its new county's figures", async () => {
    const [p3] = await openDuePeriods(t.db, m3);
    for (const o of [ids.hebei!, ids.sjz!, ids.zd!, ids.shanxi!])
      expect(await rr(o, p3!)).toEqual({ due: 1, onTime: 0, late: 0, missing: 0 });
    const periods = await t.db.reportingPeriod.findMany({
      orderBy: { startDate: "asc" },
      select: { id: true },
    });
    const [p1, p2] = periods.map((p) => p.id);
    const changan = await org("130102");
    // Branch 1 (p1 on time, p2 missing, p3 owed) moves from 正定 to 长安区: its chain's parent is
    // 正定's task, so it now counts in 长安 (石家庄 holds 正定, the parent's holder): 长安 gains it,
    // 正定's and 石家庄's rows never counted it (it counted in the branch only) and stay as they were.
    const before = await Promise.all([p1, p2, p3].map((p) => rr(ids.zd!, p!)));
    await moveOrg(
      A.hebei!,
      ZMoveOrg.parse({ orgId: branchIds[0]!, parentId: changan.id, tasks: "transfer" }),
      t.db,
    );
    expect(await rr(changan.id, p1!)).toEqual({ due: 1, onTime: 1, late: 0, missing: 0 });
    expect(await rr(changan.id, p2!)).toEqual({ due: 1, onTime: 0, late: 0, missing: 1 });
    expect(await rr(changan.id, p3!)).toEqual({ due: 1, onTime: 0, late: 0, missing: 0 });
    expect(await Promise.all([p1, p2, p3].map((p) => rr(ids.zd!, p!)))).toEqual(before);
    expect(await rr(ids.sjz!, p3!)).toEqual({ due: 1, onTime: 0, late: 0, missing: 0 });
    await expectExact();
  });

  it("reports racing the close: each task ends with exactly one report of the period, counts exact", async () => {
    await expectExact();
    const p3 = (await t.db.reportingPeriod.findFirstOrThrow({ where: { status: "OPEN" } })).id;
    const m4 = addMonths(m1, 3);
    const who: [TTestActor, number][] = [
      [A["hebei.chair2"]!, ids.hebei!],
      [A["zhengding.chair"]!, ids.zd!],
      ...branchIds.map((b, i) => [A[chairs[i]!]!, b] as [TTestActor, number]),
    ];
    const at = (i: number) => noonOf(addDays(m3, i % 2 ? 3 : 27)); // on time, late
    const results = await Promise.allSettled([
      ...who.map(([a, o], i) => report(a, o, at(i))),
      closePeriod(t.db, p3, m4),
    ]);
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    const rows = await t.db.periodReport.groupBy({ by: ["taskId"], where: { periodId: p3 }, _count: true });
    expect(rows.every((r) => r._count === 1)).toBe(true);
    expect(rows).toHaveLength(7); // 河北, 山西 (missing: nobody there logs progress), 正定, 4 branches
    await expectExact();
  });
});
