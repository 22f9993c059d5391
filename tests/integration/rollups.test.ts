import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { completedOnTime } from "@/features/rollups/lib/contribution";
import { advanceOverdue } from "@/features/rollups/server/advance-overdue";
import { getCompletion } from "@/features/rollups/server/get-completion";
import { readFigures } from "@/features/rollups/server/read-rollups";
import { readMaintained, recomputeRollups, type TRecomputed } from "@/features/rollups/server/recompute";
import { rebuildRollups } from "@/features/rollups/server/rebuild";
import { readTrend, takeSnapshots } from "@/features/rollups/server/snapshots";
import { addDays, chinaToday, formatDay } from "@/lib/dates";
import { ZAssignTasks, ZReview } from "@/features/tasks/schemas";
import { assignStaff } from "@/features/tasks/server/assign-staff";
import { assignTasks } from "@/features/tasks/server/assign-tasks";
import { claimTask } from "@/features/tasks/server/claim-task";
import { decideExtension } from "@/features/tasks/server/decide-extension";
import { requestExtension } from "@/features/tasks/server/request-extension";
import { logProgress } from "@/features/tasks/server/log-progress";
import { cancelTask } from "@/features/tasks/server/cancel-task";
import { handBackTask } from "@/features/tasks/server/hand-back-task";
import { reassignTask } from "@/features/tasks/server/reassign-task";
import { signTask } from "@/features/tasks/server/sign-task";
import { reviewCompletion } from "@/features/tasks/server/review-completion";
import { submitCompletion } from "@/features/tasks/server/submit-completion";
import { closeOrg } from "@/features/organizations/server/change/close-org";
import { mergeOrg } from "@/features/organizations/server/change/merge-org";
import { moveOrg } from "@/features/organizations/server/change/move-org";
import { renameOrg } from "@/features/organizations/server/change/rename-org";
import { seedAll } from "@/prisma/seed/seed-all";
import { lightDrift, readMaintainedLights, recomputeLights } from "@/features/lights/server/recompute-lights";
import { relightDaily } from "@/features/lights/server/relight-daily";
import { relightWhere } from "@/features/lights/server/relight";
import { Prisma } from "@/lib/generated/prisma/client";
import { openDuePeriods } from "@/features/reporting/server/open-periods";
import { closePeriod } from "@/features/reporting/server/close-period";
import { readMaintainedReporting, recomputeReporting } from "@/features/reporting/server/recompute-reporting";
import { addMonths, monthStart } from "@/features/reporting/lib/dates";
import { loadActors, type TTestActor } from "../helpers/actors";
import { createTestDb, type TTestDb } from "../helpers/test-db";

// Property: whatever sequence of workflow operations runs — including concurrent ones — every
// maintained roll-up equals a recompute from the task rows, for any "today".
let t: TTestDb;
let A: Record<string, TTestActor>;
let seed = 20261124;
const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const token = () => crypto.randomUUID();
const today = chinaToday();
const day = (n: number) => formatDay(addDays(today, n));

const key = (r: TRecomputed) => `${r.orgId}:${r.objectiveId}`;
const nonEmpty = (r: TRecomputed) =>
  r.pendingSign + r.handedBack + r.inProgress + r.submitted + r.completed + r.overdue + r.progressSum > 0;
async function expectExact(when: Date) {
  const [maintained, recomputed] = await Promise.all([
    readMaintained(t.db, when),
    recomputeRollups(t.db, when),
  ]);
  const m = new Map(maintained.filter(nonEmpty).map((r) => [key(r), r]));
  const r = new Map(recomputed.filter(nonEmpty).map((x) => [key(x), x]));
  expect([...m.keys()].sort()).toEqual([...r.keys()].sort());
  for (const [k, v] of r) expect(m.get(k), k).toEqual(v);
  await expectDerivedProgress();
  await expectLightsExact();
  return r.size;
}

/**
 * 定期报送: the maintained ReportingRollup and Task.reportFlag equal an independent recompute
 * (recompute-reporting.ts). While the period is open, on time and late (reports) are compared; `due` of
 * an open period counts the tasks that owed when it opened, so it is compared once the period is closed.
 */
async function expectReportingExact(closed: boolean) {
  const [m, r] = await Promise.all([readMaintainedReporting(t.db), recomputeReporting(t.db)]);
  const shown = (rows: typeof m.rows) =>
    Object.fromEntries(
      [...rows]
        .map(([k, v]) => [k, closed ? v : { onTime: v.onTime, late: v.late }] as const)
        .filter(([, v]) => closed || v.onTime + v.late > 0),
    );
  expect(shown(m.rows)).toEqual(shown(r.rows));
  expect(Object.fromEntries(m.flags)).toEqual(Object.fromEntries(r.flags));
}

/**
 * 红黄绿灯: the maintained red/yellow/green equal a recompute of the light rule for today (every
 * change here runs today, so every stored light is today's) under the counting rule.
 */
async function expectLightsExact() {
  const [maintained, recomputed] = await Promise.all([
    readMaintainedLights(t.db),
    recomputeLights(t.db, today),
  ]);
  expect(lightDrift(maintained, recomputed)).toEqual([]);
}

/** Every task passed down that is still open holds the exact mean (6 places) of its children. */
async function expectDerivedProgress() {
  const tasks = await t.db.task.findMany({
    select: { id: true, parentTaskId: true, status: true, progress: true },
  });
  const kids = new Map<number, number[]>();
  for (const c of tasks)
    if (c.parentTaskId !== null && c.status !== "CANCELLED")
      kids.set(c.parentTaskId, [
        ...(kids.get(c.parentTaskId) ?? []),
        c.status === "COMPLETED" ? 100 : c.progress,
      ]);
  for (const p of tasks) {
    const values = kids.get(p.id);
    if (!values || p.status === "COMPLETED" || p.status === "CANCELLED") continue;
    const mean = Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 1e6) / 1e6;
    expect(p.progress, `task ${p.id}`).toBeCloseTo(mean, 6);
  }
}

/** The refusals a random step may meet; anything else fails the walk. Successes are counted per operation. */
const EXPECTED_REFUSALS = new Set([
  "CONFLICT",
  "INVALID_TRANSITION",
  "FORBIDDEN",
  "NOT_FOUND",
  "ALREADY_EXISTS",
  "VALIDATION",
]);
const succeeded = new Map<string, number>();

/** One random workflow step by whoever may take it; refused steps (conflicts, wrong status) are fine. */
async function randomStep(measureIds: number[], orgIds: number[]) {
  const tasks = await t.db.task.findMany({
    where: { orgId: { in: orgIds } },
    select: {
      id: true,
      version: true,
      status: true,
      orgId: true,
      dueDate: true,
      org: { select: { code: true } },
      extensions: { where: { status: "PENDING" }, select: { id: true } },
    },
  });
  const task = tasks.length ? pick(tasks) : null;
  const chairOf: Record<string, string> = { "130123": "zhengding.chair", "1301230001": "hengda.chair" };
  const chair = task ? A[chairOf[task.org.code] ?? "zhengding.chair"]! : A["zhengding.chair"]!;
  const reviewer = task?.org.code === "130123" ? A.hebei! : A.zhengding!;
  const ref = task ? { taskId: task.id, version: task.version } : { taskId: 0, version: 1 };
  const ops: Record<string, () => Promise<unknown>> = {
    assign: () =>
      assignTasks(
        A.hebei!,
        ZAssignTasks.parse({
          clientToken: token(),
          objectiveIds: [pick(measureIds)],
          target: { mode: "orgs", orgIds: [orgIds[0]!] },
          dueDate: day(Math.floor(rand() * 40) - 20),
          allowPastDue: true,
        }),
      ),
    cascadeLevel: () =>
      assignTasks(
        A.zhengding!,
        ZAssignTasks.parse({
          clientToken: token(),
          objectiveIds: [pick(measureIds)],
          target: { mode: "level", level: "GRASSROOTS", underOrgId: orgIds[0]! },
          dueDate: day(Math.floor(rand() * 40) - 10),
          allowPastDue: true,
        }),
      ),
    claim: () =>
      claimTask(A["hengda.chair"]!, { objectiveId: pick(measureIds), dueDate: day(Math.floor(rand() * 30)) }),
    sign: () => signTask(chair, ref),
    handBack: () => handBackTask(chair, { ...ref, reason: "不属本级" }),
    reassign: () => reassignTask(reviewer, ref),
    cancel: () => cancelTask(reviewer, { ...ref, reason: "调整" }),
    staff: () => assignStaff(chair, { ...ref, responsibleId: chair.id, helperIds: [] }),
    progress: () =>
      logProgress(chair, {
        ...ref,
        clientToken: token(),
        percent: Math.floor(rand() * 101),
        state: pick(["NORMAL", "LAGGING", "AT_RISK"] as const),
        narrative: "进展",
        attachmentIds: [],
      }),
    submit: () =>
      submitCompletion(chair, { ...ref, clientToken: token(), summary: "已经完成任务", attachmentIds: [] }),
    approve: () => reviewCompletion(reviewer, ZReview.parse({ ...ref, decision: "APPROVED" })),
    return: () =>
      reviewCompletion(reviewer, ZReview.parse({ ...ref, decision: "RETURNED", note: "补充材料" })),
    extend: () =>
      requestExtension(chair, {
        ...ref,
        clientToken: token(),
        toDue: day(Math.floor(rand() * 60) + 30),
        reason: "需要延期",
      }),
    decide: () =>
      task?.extensions[0]
        ? decideExtension(reviewer, { ...ref, extensionId: task.extensions[0].id, approve: rand() < 0.7 })
        : Promise.reject(new AppError("NOT_FOUND")),
    cascade: async () => {
      const parent = await t.db.task.findFirst({
        where: { orgId: orgIds[0], status: "IN_PROGRESS", children: { none: {} } },
        orderBy: { id: "desc" },
      });
      if (!parent) throw new AppError("NOT_FOUND");
      await assignTasks(
        A.zhengding!,
        ZAssignTasks.parse({
          clientToken: token(),
          parentTaskId: parent.id,
          objectiveIds: [1],
          target: { mode: "level", level: "GRASSROOTS", underOrgId: orgIds[0]! },
          dueDate: formatDay(parent.dueDate),
          allowPastDue: true,
        }),
      );
    },
  };
  // Mostly what the task's status allows, so walks reach completion; sometimes anything.
  const likely: Record<string, string[]> = {
    PENDING_SIGN: ["sign", "sign", "handBack", "extend", "cancel"],
    HANDED_BACK: ["reassign", "cancel"],
    IN_PROGRESS: [
      "progress",
      "progress",
      "submit",
      "submit",
      "staff",
      "extend",
      "decide",
      "cascade",
      "cascade",
    ],
    SUBMITTED: ["approve", "approve", "return"],
  };
  const names = rand() < 0.75 && task && likely[task.status] ? likely[task.status]! : Object.keys(ops);
  const name = pick(names);
  try {
    await ops[name]!();
    succeeded.set(name, (succeeded.get(name) ?? 0) + 1);
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (!code || !EXPECTED_REFUSALS.has(code)) throw e;
    if (process.env.DEBUG_WALK) console.log(name, task?.status, task?.org.code, code);
  }
}

beforeAll(async () => {
  t = await createTestDb();
  await seedAll(t.db, { demoUsers: true });
  A = await loadActors(t.db);
});
afterAll(() => t.close());

// PGlite runs one transaction at a time: concurrent steps race only on PostgreSQL, so they run there only.
const racing = !!process.env.TEST_DATABASE_URL;

describe("roll-ups equal a recompute from the task rows", () => {
  it(`after random sequences of operations, sequential${racing ? " and concurrent" : " (concurrent ones: PostgreSQL only)"}, for any today`, async () => {
    const measureIds = (
      await t.db.objective.findMany({
        where: { level: "MEASURE", code: { startsWith: "3.3." } },
        select: { id: true },
      })
    ).map((m) => m.id);
    const county = await t.db.org.findUniqueOrThrow({ where: { code: "130123" } });
    const orgIds = [
      county.id,
      ...(await t.db.org.findMany({ where: { parentId: county.id }, select: { id: true } })).map((o) => o.id),
    ];
    // A chain to walk on whatever the interleavings: 河北 → 正定 (signed) → 正定's branches.
    await assignTasks(
      A.hebei!,
      ZAssignTasks.parse({
        clientToken: token(),
        objectiveIds: [measureIds[0]!],
        target: { mode: "orgs", orgIds: [county.id] },
        dueDate: day(20),
      }),
    );
    const head = await t.db.task.findFirstOrThrow({
      where: { objectiveId: measureIds[0], orgId: county.id },
    });
    await signTask(A["zhengding.chair"]!, { taskId: head.id, version: head.version });
    await assignTasks(
      A.zhengding!,
      ZAssignTasks.parse({
        clientToken: token(),
        parentTaskId: head.id,
        objectiveIds: [measureIds[0]!],
        target: { mode: "level", level: "GRASSROOTS", underOrgId: county.id },
        dueDate: day(15),
      }),
    );
    for (let round = 0; round < 15; round++) {
      for (let i = 0; i < 8; i++) await randomStep(measureIds, orgIds);
      if (racing) await Promise.all(Array.from({ length: 6 }, () => randomStep(measureIds, orgIds)));
      const checked = await expectExact(today);
      expect(checked).toBeGreaterThan(0);
      await expectExact(addDays(today, 45));
      await expectExact(addDays(today, -30));
    }
    const reached = await t.db.taskEvent.groupBy({ by: ["toStatus"], where: { toStatus: { not: null } } });
    expect(reached.length).toBeGreaterThanOrEqual(4); // the walk went well beyond assigning
    // The walk did real work (the guided path below takes every kind of change for sure).
    const counts = JSON.stringify(Object.fromEntries(succeeded));
    for (const op of ["assign", "sign", "progress", "submit"])
      expect(succeeded.get(op) ?? 0, `${op} succeeded: ${counts}`).toBeGreaterThan(0);
    expect(
      [...succeeded.values()].reduce((a, b) => a + b, 0),
      counts,
    ).toBeGreaterThan(30);
  });

  it("a guided path through every kind of change, partly concurrent, stays exact after each step", async () => {
    const [m1, m2, m3, m4] = (
      await t.db.objective.findMany({
        where: { level: "MEASURE", code: { startsWith: "3.5." } },
        orderBy: { id: "asc" },
        take: 4,
        select: { id: true },
      })
    ).map((m) => m.id);
    const county = await t.db.org.findUniqueOrThrow({ where: { code: "130123" } });
    const hengda = await t.db.org.findUniqueOrThrow({ where: { code: "1301230001" } });
    const chair = A["zhengding.chair"]!;
    const give = (id: number, due: number) =>
      assignTasks(
        A.hebei!,
        ZAssignTasks.parse({
          clientToken: token(),
          objectiveIds: [id],
          target: { mode: "orgs", orgIds: [county.id] },
          dueDate: day(due),
          allowPastDue: true,
        }),
      );
    await Promise.all([give(m1!, 10), give(m2!, -2), give(m3!, 20), give(m4!, 5)]);
    await expectExact(today);
    const get = (id: number, orgId = county.id) =>
      t.db.task.findFirstOrThrow({ where: { objectiveId: id, orgId } });
    await Promise.all(
      [m1!, m2!, m3!, m4!].map(async (m) => {
        const x = await get(m);
        await signTask(chair, { taskId: x.id, version: x.version });
      }),
    );
    await expectExact(today);
    // 分解 and a child's progress, concurrently with progress on the county's own task.
    const p1 = await get(m1!);
    await assignTasks(
      A.zhengding!,
      ZAssignTasks.parse({
        clientToken: token(),
        parentTaskId: p1.id,
        objectiveIds: [1],
        target: { mode: "orgs", orgIds: [hengda.id] },
        dueDate: day(10),
      }),
    );
    const c1 = await get(m1!, hengda.id);
    await signTask(A["hengda.chair"]!, { taskId: c1.id, version: c1.version });
    const [c1b, p3] = await Promise.all([get(m1!, hengda.id), get(m3!)]);
    await Promise.all([
      logProgress(A["hengda.chair"]!, {
        taskId: c1b.id,
        version: c1b.version,
        clientToken: token(),
        percent: 60,
        state: "NORMAL",
        narrative: "推进",
        attachmentIds: [],
      }),
      logProgress(chair, {
        taskId: p3.id,
        version: p3.version,
        clientToken: token(),
        percent: 30,
        state: "LAGGING",
        narrative: "推进",
        attachmentIds: [],
      }),
    ]);
    expect((await get(m1!)).progress).toBe(60);
    await expectExact(today);
    // On time (due in 10 days) and late (due 2 days ago): submit both, approve both; return one first.
    for (const m of [m1!, m2!]) {
      const x = await get(m);
      await submitCompletion(chair, {
        taskId: x.id,
        version: x.version,
        clientToken: token(),
        summary: "已经完成任务",
        attachmentIds: [],
      });
    }
    const r1 = await get(m1!);
    await reviewCompletion(
      A.hebei!,
      ZReview.parse({ taskId: r1.id, version: r1.version, decision: "RETURNED", note: "补充" }),
    );
    await expectExact(today);
    const again = await get(m1!);
    await submitCompletion(chair, {
      taskId: again.id,
      version: again.version,
      clientToken: token(),
      summary: "补充后再报",
      attachmentIds: [],
    });
    const [a1, a2] = await Promise.all([get(m1!), get(m2!)]);
    await Promise.all([
      reviewCompletion(A.hebei!, ZReview.parse({ taskId: a1.id, version: a1.version, decision: "APPROVED" })),
      reviewCompletion(A.hebei!, ZReview.parse({ taskId: a2.id, version: a2.version, decision: "APPROVED" })),
    ]);
    const rows = await recomputeRollups(t.db, today, [county.id]);
    expect(rows.find((r) => r.objectiveId === m1)).toMatchObject({ completed: 1, completedOnTime: 1 });
    expect(rows.find((r) => r.objectiveId === m2)).toMatchObject({ completed: 1, completedOnTime: 0 });
    await expectExact(today);
    // An extension moves an open task from one due date to another; a cancellation removes one.
    const e = await get(m4!);
    const { extensionId } = await requestExtension(chair, {
      taskId: e.id,
      version: e.version,
      clientToken: token(),
      toDue: day(60),
      reason: "需要延期",
    });
    const e2 = await get(m4!);
    await decideExtension(A.hebei!, { taskId: e2.id, version: e2.version, extensionId, approve: true });
    await expectExact(addDays(today, 30));
    const c = await get(m3!);
    await cancelTask(A.hebei!, { taskId: c.id, version: c.version, reason: "调整" });
    await expectExact(today);
    await expectExact(addDays(today, 90));
  });

  it("stays exact across the overdue watermark moving forward", async () => {
    await advanceOverdue(t.db, addDays(today, 3));
    await expectExact(addDays(today, 3));
    await expectExact(addDays(today, 50));
    const measureIds = (
      await t.db.objective.findMany({
        where: { level: "MEASURE", code: { startsWith: "3.3." } },
        select: { id: true },
      })
    ).map((m) => m.id);
    const county = await t.db.org.findUniqueOrThrow({ where: { code: "130123" } });
    const orgIds = [
      county.id,
      ...(await t.db.org.findMany({ where: { parentId: county.id }, select: { id: true } })).map((o) => o.id),
    ];
    for (let i = 0; i < 30; i++) await randomStep(measureIds, orgIds);
    await expectExact(addDays(today, 3));
    await expectExact(addDays(today, 10));
  });
  it("红黄绿灯 stay exact across day changes: the daily relight, then steps of the real day", async () => {
    const measureIds = (
      await t.db.objective.findMany({
        where: { level: "MEASURE", code: { startsWith: "3.3." } },
        select: { id: true },
      })
    ).map((m) => m.id);
    const county = await t.db.org.findUniqueOrThrow({ where: { code: "130123" } });
    const orgIds = [
      county.id,
      ...(await t.db.org.findMany({ where: { parentId: county.id }, select: { id: true } })).map((o) => o.id),
    ];
    for (const k of [1, 7, 40]) {
      const lit = addDays(today, k);
      expect((await relightDaily(t.db, lit)).ran).toBe(true);
      expect(lightDrift(await readMaintainedLights(t.db), await recomputeLights(t.db, lit))).toEqual([]);
      // Steps of the real day relight what they change: the counts follow the stored lights.
      for (let i = 0; i < 8; i++) await randomStep(measureIds, orgIds);
      expect(lightDrift(await readMaintainedLights(t.db), await recomputeLights(t.db, null))).toEqual([]);
    }
    // Back to today's lights for the tests below (relightWhere: the daily job never goes back a day).
    await t.db.$transaction((tx) => relightWhere(tx, Prisma.sql`TRUE`, today));
    // The overdue watermark never goes back: the test before moved it to today + 10.
    await expectExact(addDays(today, 10));
  });

  it("the completion view, the snapshots and a rebuild agree with a recompute", async () => {
    const hebei = await t.db.org.findUniqueOrThrow({ where: { code: "130000" } });
    const shijiazhuang = await t.db.org.findUniqueOrThrow({ where: { code: "130100" } });
    const when = addDays(today, 3); // the previous test moved the overdue watermark to here
    const recomputed = await recomputeRollups(t.db, when, [
      hebei.id,
      shijiazhuang.id,
      (await t.db.org.findUniqueOrThrow({ where: { code: "130123" } })).id,
    ]);
    const sumOf = (orgId: number) =>
      recomputed
        .filter((r) => r.orgId === orgId)
        .reduce(
          (a, r) => ({
            completed: a.completed + r.completed,
            overdue: a.overdue + r.overdue,
            total: a.total + r.pendingSign + r.handedBack + r.inProgress + r.submitted + r.completed,
          }),
          { completed: 0, overdue: 0, total: 0 },
        );
    const view = await getCompletion({ orgId: hebei.parentId! }, { orgId: hebei.id, today: when });
    expect(view).not.toBeNull();
    const row = view!.children.find((c) => c.id === shijiazhuang.id)!;
    const expected = sumOf(shijiazhuang.id);
    expect(expected.total).toBeGreaterThan(0);
    expect({
      completed: row.metrics.completed,
      overdue: row.metrics.overdue,
      total: row.metrics.total,
    }).toEqual(expected);
    expect({
      completed: view!.region.completed,
      overdue: view!.region.overdue,
      total: view!.region.total,
    }).toEqual(sumOf(hebei.id));
    expect(view!.byMainTask.reduce((a, m) => a + m.metrics.total, 0)).toBe(view!.region.total);
    expect(view!.childTotal.total).toBe(view!.children.reduce((a, c) => a + c.metrics.total, 0));
    // 河北 holds no tasks and passed none down: its region is its children's.
    expect(view!.own.total).toBe(0);
    expect(view!.childTotal.total).toBe(view!.region.total);
    const nationalView = await getCompletion(
      { orgId: hebei.parentId! },
      { orgId: hebei.parentId!, today: when },
    );
    expect(nationalView!.children.find((c) => c.id === hebei.id)!.metrics.completed).toBe(
      sumOf(hebei.id).completed,
    );
    expect(nationalView!.byMainTask.map((m) => m.metrics.total)).toEqual(
      view!.byMainTask.map((m) => m.metrics.total),
    ); // only Hebei has tasks
    // A county's branches keep no roll-up rows: their figures are read from their own tasks.
    const zhengding = await t.db.org.findUniqueOrThrow({ where: { code: "130123" } });
    const hengda = await t.db.org.findUniqueOrThrow({ where: { code: "1301230001" } });
    const own = await t.db.task.findMany({
      where: { orgId: hengda.id, status: { not: "CANCELLED" } },
      select: { status: true, dueDate: true },
    });
    const open = (s: string) => ["PENDING_SIGN", "HANDED_BACK", "IN_PROGRESS", "SUBMITTED"].includes(s);
    expect(own.length).toBeGreaterThan(0);
    expect(await t.db.rollup.count({ where: { orgId: hengda.id } })).toBe(0);
    const countyView = await getCompletion({ orgId: hebei.parentId! }, { orgId: zhengding.id, today: when });
    const branchRow = countyView!.children.find((c) => c.id === hengda.id)!;
    expect({
      total: branchRow.metrics.total,
      completed: branchRow.metrics.completed,
      overdue: branchRow.metrics.overdue,
    }).toEqual({
      total: own.length,
      completed: own.filter((x) => x.status === "COMPLETED").length,
      overdue: own.filter((x) => open(x.status) && x.dueDate < when).length,
    });
    expect({
      completed: countyView!.region.completed,
      overdue: countyView!.region.overdue,
      total: countyView!.region.total,
    }).toEqual(sumOf(zhengding.id));
    // 正定's region = the tasks it holds + its branches' tasks that it did not pass down itself.
    const ownTasks = await t.db.task.count({ where: { orgId: zhengding.id, status: { not: "CANCELLED" } } });
    const passedDown = await t.db.task.count({
      where: {
        orgPath: { has: zhengding.id },
        status: { not: "CANCELLED" },
        parentTask: { orgId: zhengding.id },
      },
    });
    expect(passedDown).toBeGreaterThan(0); // the walk passed tasks down
    expect(countyView!.own.total).toBe(ownTasks);
    expect(countyView!.region.total).toBe(ownTasks + countyView!.childTotal.total - passedDown);
    // Both ways of reading branches (a few: by org id; a county's many: through the county's subtree) agree.
    const siblings = await t.db.org.findMany({
      where: { parentId: zhengding.id },
      select: { id: true, level: true, parentId: true },
    });
    const many = [
      ...siblings,
      ...[1, 2, 3, 4, 5].map((n) => ({ id: 1_000_000 + n, level: "GRASSROOTS", parentId: zhengding.id })),
    ];
    const byId = <T extends { orgId: number; mainTaskId: number | null }>(rows: T[]) =>
      rows.filter((r) => r.orgId === hengda.id).sort((a, b) => (a.mainTaskId ?? 0) - (b.mainTaskId ?? 0));
    const read = (orgs: typeof many) => readFigures(t.db, { orgs, measureIds: null, today: when });
    expect(byId(await read(many))).toEqual(byId(await read(siblings.filter((o) => o.id === hengda.id))));
    expect(byId(await read(many)).reduce((a, r) => a + r.completed, 0)).toBe(
      own.filter((x) => x.status === "COMPLETED").length,
    );
    const branchView = await getCompletion({ orgId: zhengding.id }, { orgId: hengda.id, today: when });
    expect(branchView!.region.total).toBe(own.length);
    expect(branchView!.byMainTask.reduce((a, m) => a + m.metrics.total, 0)).toBe(own.length);
    // Outside the user's subtree: nothing.
    const beijing = await t.db.org.findUniqueOrThrow({ where: { code: "110000" } });
    expect(await getCompletion({ orgId: beijing.id }, { orgId: hebei.id })).toBeNull();

    await takeSnapshots(t.db, when);
    const trend = await readTrend(t.db, { orgId: shijiazhuang.id, today: when });
    expect(trend.at(-1)).toMatchObject({
      completed: expected.completed,
      total: expected.total,
      overdue: expected.overdue,
    });
    const national = await readTrend(t.db, { orgId: hebei.parentId!, today: when });
    expect(national.at(-1)).toMatchObject(sumOf(hebei.id)); // only Hebei has tasks

    // The rebuild (set-based, the maintained rule) against the independent recompute.
    await t.db.$executeRaw`UPDATE "Rollup" SET completed = completed + 7`; // damage it first
    await rebuildRollups(t.db, today);
    expect(await expectExact(addDays(today, 7))).toBeGreaterThan(0);
    // On time means approved by the end of the due day in China (UTC+8), in every path.
    const done = await t.db.task.findFirstOrThrow({
      where: { status: "COMPLETED" },
      select: { id: true, orgPath: true, objectiveId: true, dueDate: true },
    });
    const onTime = async () =>
      (await recomputeRollups(t.db, when, [done.orgPath[1]!])).find(
        (r) => r.objectiveId === done.objectiveId,
      )!.completedOnTime;
    const at = async (utc: string) => {
      await t.db.task.update({
        where: { id: done.id },
        data: { completedAt: new Date(`${formatDay(done.dueDate)}T${utc}Z`) },
      });
      return onTime();
    };
    const late = await at("16:30:00"); // 00:30 the next day in China
    const inTime = await at("15:30:00"); // 23:30 on the due day in China
    expect(inTime - late).toBe(1);
    expect(
      completedOnTime({
        status: "COMPLETED",
        progress: 100,
        dueDate: done.dueDate,
        completedAt: new Date(`${formatDay(done.dueDate)}T16:30:00Z`),
      }),
    ).toBe(false);
    expect(
      completedOnTime({
        status: "COMPLETED",
        progress: 100,
        dueDate: done.dueDate,
        completedAt: new Date(`${formatDay(done.dueDate)}T15:30:00Z`),
      }),
    ).toBe(true);
    await rebuildRollups(t.db, today); // the roll-ups follow the edited row
    await expectExact(when);
  });
  it("stays exact across tree changes (rename, move, merge, close) mixed with workflow steps", async () => {
    const measureIds = (
      await t.db.objective.findMany({
        where: { level: "MEASURE", code: { startsWith: "3.3." } },
        select: { id: true },
      })
    ).map((m) => m.id);
    const code = async (c: string) => (await t.db.org.findUniqueOrThrow({ where: { code: c } })).id;
    const zhengding = await code("130123");
    const changan = await code("130102");
    const hebei = await code("130000");
    const sjz = await code("130100");
    const far = (
      await t.db.org.findFirstOrThrow({
        where: { level: "COUNTY", ancestorIds: { has: hebei }, NOT: { ancestorIds: { has: sjz } } },
        orderBy: { id: "asc" },
      })
    ).id;
    const counties = [zhengding, changan, far];
    // 恒达's chair claims in the walk with a session made before: 恒达 moves but never closes here.
    const hengda = await code("1301230001");
    const TREE_REFUSALS = new Set(["VALIDATION", "ORG_TASKS_SUBMITTED", "ORG_CLOSED", "NOT_FOUND"]);
    const treeDone = new Map<string, number>();
    let renamed: { orgId: number; name: string } | null = null;
    /** One tree change: `forced` (the first rounds try each kind once), otherwise a random one. */
    const treeStep = async (forced?: string) => {
      const open = await t.db.org.findMany({
        where: { level: "GRASSROOTS", closedAt: null, parentId: { in: counties } },
        select: { id: true },
        orderBy: { id: "asc" },
      });
      const ids = open.map((o) => o.id);
      const closable = ids.filter((id) => id !== hengda);
      const tasks = pick(["transfer", "cancel"] as const);
      const ops: Record<string, () => Promise<unknown>> = {
        rename: async () => {
          const to = { orgId: pick(ids), name: `基层工会${Math.floor(rand() * 1e6)}` };
          await renameOrg(A.hebei!, to);
          renamed = to;
        },
        move: () =>
          moveOrg(A.hebei!, { orgId: pick(ids), parentId: pick(counties), tasks, reason: "调整隶属" }),
        merge: () =>
          closable.length > 4
            ? mergeOrg(A.hebei!, { orgId: pick(closable), intoId: pick(ids), tasks, reason: "合并" })
            : Promise.reject(new AppError("VALIDATION")),
        close: () =>
          closable.length > 4
            ? closeOrg(A.hebei!, {
                orgId: pick(closable),
                reason: "撤销",
                tasks,
                ...(tasks === "transfer" ? { successorId: pick(ids) } : {}),
              })
            : Promise.reject(new AppError("VALIDATION")),
      };
      const name = forced ?? pick(["rename", "move", "move", "move", "merge", "close"]);
      try {
        await ops[name]!();
        treeDone.set(name, (treeDone.get(name) ?? 0) + 1);
      } catch (e) {
        const c = (e as { code?: string }).code;
        if (!c || !TREE_REFUSALS.has(c)) throw e;
      }
    };
    // A monthly 定期报送 rule on the plan, its next period opened now (every task so far owes it; the
    // walk's progress updates are its reports): reports move with the tree changes, then the close.
    const plan = await t.db.plan.findFirstOrThrow({ where: { codePrefix: "3" } });
    const m1 = addMonths(monthStart(today), 1);
    await t.db.reportingRule.create({
      data: {
        planId: plan.id,
        orgId: hebei,
        frequency: "MONTHLY",
        dueDay: 25,
        startDate: m1,
        endDate: addMonths(m1, 1),
        createdById: A.hebei!.id,
      },
    });
    // And a rule on the 下达 of the first test's chain head (河北 → 正定): it covers that task and every
    // task passed down from it (Task.batchPath), which the recompute finds through parentTaskId.
    const head = await t.db.task.findFirstOrThrow({
      where: { orgId: zhengding, parentTaskId: null, batchId: { not: null }, children: { some: {} } },
      orderBy: { id: "asc" },
    });
    await t.db.reportingRule.create({
      data: {
        batchId: head.batchId,
        orgId: hebei,
        frequency: "MONTHLY",
        dueDay: 10,
        startDate: m1,
        endDate: addMonths(m1, 1),
        createdById: A.hebei!.id,
      },
    });
    const opened = await openDuePeriods(t.db, m1);
    expect(opened).toHaveLength(2);
    const [period, chainPeriod] = opened;
    const walkOrgs = async () => [
      zhengding,
      ...(
        await t.db.org.findMany({ where: { parentId: zhengding, closedAt: null }, select: { id: true } })
      ).map((o) => o.id),
    ];
    for (let round = 0; round < 12; round++) {
      for (let i = 0; i < 5; i++) await randomStep(measureIds, await walkOrgs());
      await treeStep(["rename", "move", "merge", "close"][round]);
      if (racing) {
        const orgIds = await walkOrgs();
        await Promise.all([treeStep(), ...Array.from({ length: 4 }, () => randomStep(measureIds, orgIds))]);
      }
      await expectExact(today);
      await expectExact(addDays(today, 45));
      await expectReportingExact(false);
    }
    expect(await t.db.periodReport.count({ where: { periodId: period! } })).toBeGreaterThan(0);
    // The close (its relight for today, like every step here): 漏报 for the rest, everything exact.
    expect((await closePeriod(t.db, period!, today)).closed).toBe(true);
    expect((await closePeriod(t.db, chainPeriod!, today)).closed).toBe(true);
    // The chain rule reached below the head: every task passed down from it (found through parentTaskId,
    // not batchPath) that is still open at the close owes the period, so it has its report or its 漏报.
    // (How many are still open depends on the walk's cancels, merges and closes, so it may be none.)
    const below = await t.db.$queryRaw<{ id: number }[]>`
      WITH RECURSIVE d AS (SELECT id FROM "Task" WHERE "parentTaskId" = ${head.id}
        UNION ALL SELECT c.id FROM "Task" c JOIN d ON c."parentTaskId" = d.id)
      SELECT t.id FROM d JOIN "Task" t ON t.id = d.id
      WHERE t.status IN ('PENDING_SIGN', 'IN_PROGRESS', 'SUBMITTED', 'HANDED_BACK')`;
    expect(
      await t.db.periodReport.count({
        where: { periodId: chainPeriod!, taskId: { in: below.map((b) => b.id) } },
      }),
    ).toBe(below.length);
    await expectReportingExact(true);
    await expectExact(today);
    const done = JSON.stringify(Object.fromEntries(treeDone));
    expect(treeDone.get("rename") ?? 0, done).toBeGreaterThan(0);
    const last = renamed as { orgId: number; name: string } | null;
    expect((await t.db.org.findUniqueOrThrow({ where: { id: last!.orgId } })).name).toBe(last!.name);
    expect(treeDone.get("move") ?? 0, done).toBeGreaterThan(0);
    expect((treeDone.get("merge") ?? 0) + (treeDone.get("close") ?? 0), done).toBeGreaterThan(0);
    // A rebuild from the task rows agrees with the maintained figures after all of it.
    await rebuildRollups(t.db, today);
    await expectExact(today);
  });
});
