import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readMaintained, recomputeRollups, type TRecomputed } from "@/features/rollups/server/recompute";
import { ZAssignTasks, ZTransfer } from "@/features/tasks/schemas";
import { assignStaff } from "@/features/tasks/server/assign-staff";
import { assignTasks } from "@/features/tasks/server/assign-tasks";
import { handBackTask } from "@/features/tasks/server/hand-back-task";
import { logProgress } from "@/features/tasks/server/log-progress";
import { nudgeChildren } from "@/features/tasks/server/nudge-children";
import { listExtensions, listHandedBack, listSubmitted } from "@/features/tasks/server/review-queue";
import { requestExtension } from "@/features/tasks/server/request-extension";
import { reviewCompletion } from "@/features/tasks/server/review-completion";
import { signTask } from "@/features/tasks/server/sign-task";
import { submitCompletion } from "@/features/tasks/server/submit-completion";
import { transferTask } from "@/features/tasks/server/transfer-task";
import { withdrawCompletion } from "@/features/tasks/server/withdraw-completion";
import { addDays, chinaToday, formatDay } from "@/lib/dates";
import { seedAll } from "@/prisma/seed/seed-all";
import { codeOf, loadActors, type TTestActor } from "../helpers/actors";
import { createTestDb, type TTestDb } from "../helpers/test-db";

// Issue 11, items 8-10: 撤回上报, 转派 after a hand-back, and 催办 of everything passed down.
let t: TTestDb;
let A: Record<string, TTestActor>;
const token = () => crypto.randomUUID();
const day = (days: number) => formatDay(addDays(chinaToday(), days));
const DUE = day(180);
const realConcurrency = Boolean(process.env.TEST_DATABASE_URL);
const org = async (code: string) => t.db.org.findUniqueOrThrow({ where: { code } });
const objective = async (code: string) => t.db.objective.findUniqueOrThrow({ where: { code } });
const task = async (objectiveCode: string, orgCode: string) =>
  t.db.task.findFirstOrThrow({ where: { objective: { code: objectiveCode }, org: { code: orgCode } } });
const byId = async (id: number) => t.db.task.findUniqueOrThrow({ where: { id } });
const assign = async (actor: TTestActor, over: Record<string, unknown>) =>
  assignTasks(actor, ZAssignTasks.parse({ clientToken: token(), dueDate: DUE, ...over }));
const toOrgs = async (...codes: string[]) => ({
  mode: "orgs",
  orgIds: await Promise.all(codes.map(async (c) => (await org(c)).id)),
});

/** Every maintained roll-up equals a recompute from the task rows, and derived progress is the mean. */
async function expectRollupsExact() {
  const today = chinaToday();
  const key = (r: TRecomputed) => `${r.orgId}:${r.objectiveId}`;
  const nonEmpty = (r: TRecomputed) =>
    r.pendingSign + r.handedBack + r.inProgress + r.submitted + r.completed + r.overdue + r.progressSum > 0;
  const [maintained, recomputed] = await Promise.all([
    readMaintained(t.db, today),
    recomputeRollups(t.db, today),
  ]);
  const m = new Map(maintained.filter(nonEmpty).map((r) => [key(r), r]));
  const r = new Map(recomputed.filter(nonEmpty).map((x) => [key(x), x]));
  expect([...m.keys()].sort()).toEqual([...r.keys()].sort());
  for (const [k, v] of r) expect(m.get(k), k).toEqual(v);
}

beforeAll(async () => {
  t = await createTestDb();
  await seedAll(t.db, { demoUsers: true });
  A = await loadActors(t.db);
});
afterAll(() => t.close());

/** 下达 by 河北 to 正定, signed by the chair; the chair reports completion. Returns the task. */
async function submitted(code: string) {
  await assign(A.hebei!, { objectiveIds: [(await objective(code)).id], target: await toOrgs("130123") });
  let tk = await task(code, "130123");
  await signTask(A["zhengding.chair"]!, { taskId: tk.id, version: tk.version });
  tk = await task(code, "130123");
  await submitCompletion(A["zhengding.chair"]!, {
    taskId: tk.id,
    version: tk.version,
    clientToken: token(),
    summary: "已按要求完成全部工作",
    attachmentIds: [],
  });
  return task(code, "130123");
}

describe("撤回上报 (withdraw a completion report)", () => {
  it("the holder takes an open report back: in progress again, report kept as withdrawn, reviewers' notice read", async () => {
    const tk = await submitted("3.6.1.1");
    const hebeiNotice = { type: "SUBMITTED" as const, taskId: tk.id, user: { username: "hebei" } };
    expect(await t.db.notification.count({ where: { ...hebeiNotice, readAt: null } })).toBe(1);
    const ref = { taskId: tk.id, version: tk.version };
    // Outside the scope, the reviewer, and staff without task:handle are refused; nothing changes.
    expect(await codeOf(withdrawCompletion(A.wuhan!, ref))).toBe("NOT_FOUND");
    expect(await codeOf(withdrawCompletion(A.hebei!, ref))).toBe("FORBIDDEN");
    expect(await codeOf(withdrawCompletion(A["zhengding.staff"]!, ref))).toBe("FORBIDDEN");
    expect((await byId(tk.id)).status).toBe("SUBMITTED");

    await withdrawCompletion(A["zhengding.chair"]!, ref);
    const after = await byId(tk.id);
    expect(after).toMatchObject({ status: "IN_PROGRESS", submittedAt: null, version: tk.version + 1 });
    const reports = await t.db.completionReport.findMany({ where: { taskId: tk.id } });
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({ decision: "WITHDRAWN", decidedById: A["zhengding.chair"]!.id });
    const event = await t.db.taskEvent.findFirstOrThrow({
      where: { taskId: tk.id },
      orderBy: { id: "desc" },
    });
    expect(event).toMatchObject({ type: "WITHDRAWN", fromStatus: "SUBMITTED", toStatus: "IN_PROGRESS" });
    expect(await t.db.notification.count({ where: { ...hebeiNotice, readAt: null } })).toBe(0);
    expect(await t.db.notification.count({ where: hebeiNotice })).toBe(1); // kept, marked read
    // The review queue no longer lists it, and a review of the old version is refused.
    expect((await listSubmitted(A.hebei!)).items.map((i) => i.id)).not.toContain(tk.id);
    expect(
      await codeOf(reviewCompletion(A.hebei!, { taskId: tk.id, version: tk.version, decision: "APPROVED" })),
    ).toBe("CONFLICT");
    // Withdrawing again: stale version → CONFLICT; current version → not allowed from 办理中.
    expect(await codeOf(withdrawCompletion(A["zhengding.chair"]!, ref))).toBe("CONFLICT");
    expect(
      await codeOf(withdrawCompletion(A["zhengding.chair"]!, { taskId: tk.id, version: after.version })),
    ).toBe("INVALID_TRANSITION");
    await expectRollupsExact();
  });

  it("after a withdrawal the task is reported again and reviewed on the new report only", async () => {
    let tk = await task("3.6.1.1", "130123");
    await submitCompletion(A["zhengding.chair"]!, {
      taskId: tk.id,
      version: tk.version,
      clientToken: token(),
      summary: "补充材料后重新上报",
      attachmentIds: [],
    });
    tk = await task("3.6.1.1", "130123");
    await reviewCompletion(A.hebei!, { taskId: tk.id, version: tk.version, decision: "APPROVED" });
    const reports = await t.db.completionReport.findMany({
      where: { taskId: tk.id },
      orderBy: { id: "asc" },
    });
    expect(reports.map((r) => [r.summary, r.decision])).toEqual([
      ["已按要求完成全部工作", "WITHDRAWN"],
      ["补充材料后重新上报", "APPROVED"],
    ]);
    expect((await task("3.6.1.1", "130123")).status).toBe("COMPLETED");
    await expectRollupsExact();
  });

  it.runIf(realConcurrency)("a withdrawal racing the review: exactly one applies", async () => {
    const tk = await submitted("3.6.1.2");
    const ref = { taskId: tk.id, version: tk.version };
    const codes = await Promise.all([
      codeOf(withdrawCompletion(A["zhengding.chair"]!, ref)),
      codeOf(reviewCompletion(A.hebei!, { ...ref, decision: "APPROVED" })),
    ]);
    expect(codes.filter((c) => c === "OK")).toHaveLength(1);
    expect(codes.filter((c) => c !== "OK")).toEqual(["CONFLICT"]);
    const after = await byId(tk.id);
    expect(after.status).toBe(codes[0] === "OK" ? "IN_PROGRESS" : "COMPLETED");
    const decisions = await t.db.completionReport.findMany({
      where: { taskId: tk.id },
      select: { decision: true },
    });
    expect(decisions).toEqual([{ decision: codes[0] === "OK" ? "WITHDRAWN" : "APPROVED" }]);
    await expectRollupsExact();
  });
});

describe("转派 (send a handed-back task to another unit)", () => {
  it("the review queue shows why each task came back", async () => {
    await assign(A.hebei!, {
      objectiveIds: [(await objective("3.6.2.1")).id],
      target: await toOrgs("130123"),
    });
    const tk = await task("3.6.2.1", "130123");
    await handBackTask(A["zhengding.chair"]!, {
      taskId: tk.id,
      version: tk.version,
      reason: "本县无此项工作",
    });
    const handedBack = (await listHandedBack(A.hebei!)).items;
    expect(handedBack.find((h) => h.id === tk.id)?.lastReason).toBe("本县无此项工作");
  });

  it("refuses other provinces, units that did not assign it, units outside the assigner's subtree and the same unit", async () => {
    const tk = await task("3.6.2.1", "130123");
    const other = await t.db.org.findFirstOrThrow({
      where: { level: "COUNTY", ancestorIds: { has: (await org("130100")).id }, code: { not: "130123" } },
    });
    const input = (orgId: number) =>
      ZTransfer.parse({ taskId: tk.id, version: tk.version, clientToken: token(), orgId });
    expect(await codeOf(transferTask(A.wuhan!, input(other.id)))).toBe("NOT_FOUND");
    // 石家庄 lies between 河北 and 正定 but did not assign the task.
    expect(await codeOf(transferTask(A.shijiazhuang!, input(other.id)))).toBe("FORBIDDEN");
    expect(await codeOf(transferTask(A["zhengding.chair"]!, input(other.id)))).toBe("FORBIDDEN");
    expect(await codeOf(transferTask(A.hebei!, input((await org("420106")).id)))).toBe("VALIDATION");
    expect(await codeOf(transferTask(A.hebei!, input((await org("130000")).id)))).toBe("VALIDATION");
    expect(await codeOf(transferTask(A.hebei!, input(tk.orgId)))).toBe("VALIDATION");
    expect(await byId(tk.id)).toMatchObject({ status: "HANDED_BACK", version: tk.version });
    expect(await t.db.task.count({ where: { objectiveId: tk.objectiveId } })).toBe(1);
  });

  it("closes the handed-back task and gives the measure to the new unit with the same terms, once", async () => {
    const tk = await task("3.6.2.1", "130123");
    const target = await t.db.org.findFirstOrThrow({
      where: { level: "COUNTY", ancestorIds: { has: (await org("130100")).id }, code: { not: "130123" } },
      orderBy: { code: "asc" },
    });
    const input = ZTransfer.parse({
      taskId: tk.id,
      version: tk.version,
      clientToken: token(),
      orgId: target.id,
      note: "改由该县承办",
    });
    const { taskId } = await transferTask(A.hebei!, input);
    expect(await transferTask(A.hebei!, input)).toEqual({ taskId }); // a repeated submit
    const old = await byId(tk.id);
    expect(old).toMatchObject({ status: "CANCELLED", orgId: tk.orgId });
    const event = await t.db.taskEvent.findFirstOrThrow({
      where: { taskId: tk.id },
      orderBy: { id: "desc" },
    });
    expect(event).toMatchObject({
      type: "TRANSFERRED",
      fromStatus: "HANDED_BACK",
      toStatus: "CANCELLED",
      message: "改由该县承办",
      changes: { org: ["正定县总工会", target.name] },
    });
    const fresh = await byId(taskId);
    expect(fresh).toMatchObject({
      objectiveId: tk.objectiveId,
      orgId: target.id,
      orgPath: target.ancestorIds,
      reviewOrgId: tk.reviewOrgId,
      status: "PENDING_SIGN",
      priority: tk.priority,
      note: "改由该县承办",
      parentTaskId: null,
      countFrom: 0,
    });
    expect(formatDay(fresh.dueDate)).toBe(formatDay(tk.dueDate));
    expect(await t.db.task.count({ where: { objectiveId: tk.objectiveId } })).toBe(2);
    await expectRollupsExact();
  });

  it("a pending extension request of the handed-back task closes with it", async () => {
    await assign(A.hebei!, {
      objectiveIds: [(await objective("3.6.2.3")).id],
      target: await toOrgs("130123"),
    });
    let tk = await task("3.6.2.3", "130123");
    const chair = A["zhengding.chair"]!;
    const { extensionId } = await requestExtension(chair, {
      taskId: tk.id,
      version: tk.version,
      clientToken: token(),
      toDue: day(300),
      reason: "需协调多部门",
    });
    tk = await task("3.6.2.3", "130123");
    await handBackTask(chair, { taskId: tk.id, version: tk.version, reason: "请改派" });
    tk = await task("3.6.2.3", "130123");
    const target = await org("130100");
    await transferTask(
      A.hebei!,
      ZTransfer.parse({ taskId: tk.id, version: tk.version, clientToken: token(), orgId: target.id }),
    );
    expect(await t.db.extensionRequest.findUniqueOrThrow({ where: { id: extensionId } })).toMatchObject({
      status: "REJECTED",
      decidedById: A.hebei!.id,
    });
    const extensions = (await listExtensions(A.hebei!)).items;
    expect(extensions.map((e) => e.id)).not.toContain(extensionId);
    await expectRollupsExact();
  });

  it("refuses a unit that already holds the measure, and changes nothing", async () => {
    await assign(A.hebei!, {
      objectiveIds: [(await objective("3.6.2.2")).id],
      target: await toOrgs("130123", "130100"),
    });
    const tk = await task("3.6.2.2", "130123");
    await handBackTask(A["zhengding.chair"]!, { taskId: tk.id, version: tk.version, reason: "请市总统筹" });
    const back = await byId(tk.id);
    const input = {
      taskId: tk.id,
      version: back.version,
      clientToken: token(),
      orgId: (await org("130100")).id,
    };
    expect(await codeOf(transferTask(A.hebei!, ZTransfer.parse(input)))).toBe("VALIDATION");
    expect(await byId(tk.id)).toMatchObject({ status: "HANDED_BACK", version: back.version });
    expect(await t.db.assignmentBatch.count({ where: { clientToken: input.clientToken } })).toBe(0);
    await expectRollupsExact();
  });

  it("a task passed down goes to another branch: the parent's progress stays the mean of its children", async () => {
    await assign(A.hebei!, {
      objectiveIds: [(await objective("3.6.3.1")).id],
      target: await toOrgs("130123"),
    });
    let parent = await task("3.6.3.1", "130123");
    await signTask(A["zhengding.chair"]!, { taskId: parent.id, version: parent.version });
    const branches = await t.db.org.findMany({
      where: { parentId: (await org("130123")).id },
      orderBy: { code: "asc" },
      take: 3,
    });
    expect(branches).toHaveLength(3);
    const [hengda, second, third] = branches as [
      (typeof branches)[0],
      (typeof branches)[0],
      (typeof branches)[0],
    ];
    expect(hengda.code).toBe("1301230001");
    await assign(A.zhengding!, {
      parentTaskId: (await task("3.6.3.1", "130123")).id,
      objectiveIds: [1],
      target: { mode: "orgs", orgIds: [hengda.id, second.id] },
    });
    // 恒达 works and reports 60 %; the second branch hands its task back.
    let a = await task("3.6.3.1", hengda.code);
    await signTask(A["hengda.chair"]!, { taskId: a.id, version: a.version });
    a = await task("3.6.3.1", hengda.code);
    await logProgress(A["hengda.chair"]!, {
      taskId: a.id,
      version: a.version,
      clientToken: token(),
      percent: 60,
      state: "NORMAL",
      narrative: "推进中",
      attachmentIds: [],
    });
    const b = await task("3.6.3.1", second.code);
    // The branch has no demo users: its hand-back is done as the org would, by a chair-like actor of it.
    await handBackTask(
      { ...A["hengda.chair"]!, orgId: second.id },
      { taskId: b.id, version: b.version, reason: "无此业务" },
    );
    parent = await task("3.6.3.1", "130123");
    expect(parent.progress).toBeCloseTo(30, 6);
    const back = await byId(b.id);
    const due = formatDay(addDays(parent.dueDate, -10));
    expect(
      await codeOf(
        transferTask(
          A.zhengding!,
          ZTransfer.parse({
            taskId: b.id,
            version: back.version,
            clientToken: token(),
            orgId: third.id,
            dueDate: formatDay(addDays(parent.dueDate, 1)),
          }),
        ),
      ),
    ).toBe("VALIDATION"); // after the parent's due date
    const { taskId } = await transferTask(
      A.zhengding!,
      ZTransfer.parse({
        taskId: b.id,
        version: back.version,
        clientToken: token(),
        orgId: third.id,
        dueDate: due,
      }),
    );
    const fresh = await byId(taskId);
    expect(fresh).toMatchObject({
      parentTaskId: parent.id,
      orgId: third.id,
      reviewOrgId: parent.orgId,
      countFrom: parent.orgPath.length,
    });
    expect(formatDay(fresh.dueDate)).toBe(due);
    // The children now: 恒达 60 %, the new one 0 %; the closed one no longer counts.
    expect((await task("3.6.3.1", "130123")).progress).toBeCloseTo(30, 6);
    await expectRollupsExact();
  });
});

describe("催办 of everything passed down (bulk nudge)", () => {
  it("nudges exactly the unsigned and overdue sub-tasks, once each, and only for the unit that passed them down", async () => {
    await assign(A.hebei!, {
      objectiveIds: [(await objective("3.6.4.1")).id],
      target: await toOrgs("130123"),
    });
    const parent0 = await task("3.6.4.1", "130123");
    await signTask(A["zhengding.chair"]!, { taskId: parent0.id, version: parent0.version });
    const branches = await t.db.org.findMany({
      where: { parentId: (await org("130123")).id },
      orderBy: { code: "asc" },
      take: 4,
    });
    expect(branches).toHaveLength(4);
    const [hengda, b2, c3, d4] = branches.map((b) => b.id) as [number, number, number, number];
    // Two due in the past (backfilled), two in the future.
    await assign(A.zhengding!, {
      parentTaskId: parent0.id,
      objectiveIds: [1],
      dueDate: day(-5),
      allowPastDue: true,
      target: { mode: "orgs", orgIds: [hengda, b2] },
    });
    await assign(A.zhengding!, {
      parentTaskId: parent0.id,
      objectiveIds: [1],
      dueDate: day(90),
      target: { mode: "orgs", orgIds: [c3, d4] },
    });
    const child = async (orgId: number) =>
      t.db.task.findFirstOrThrow({ where: { parentTaskId: parent0.id, orgId } });
    // 恒达: signed, overdue, with a responsible person → nudged. b2: unsigned, overdue → nudged.
    // c3: signed, not overdue → left alone. d4: unsigned → nudged.
    let a = await child(hengda);
    await signTask(A["hengda.chair"]!, { taskId: a.id, version: a.version });
    a = await child(hengda);
    await assignStaff(A["hengda.chair"]!, {
      taskId: a.id,
      version: a.version,
      responsibleId: A["hengda.staff"]!.id,
      helperIds: [],
    });
    const c = await child(c3);
    await signTask({ ...A["hengda.chair"]!, orgId: c3 }, { taskId: c.id, version: c.version });
    const expected = [hengda, b2, d4].sort((x, y) => x - y);
    const nudges = () =>
      t.db.taskEvent.count({ where: { type: "NUDGED", task: { parentTaskId: parent0.id } } });

    const parent = await task("3.6.4.1", "130123");
    const input = { taskId: parent.id, message: "请本周内完成签收和进展填报" };
    expect(await codeOf(nudgeChildren(A.wuhan!, input))).toBe("NOT_FOUND");
    expect(await codeOf(nudgeChildren(A["hengda.chair"]!, input))).toBe("NOT_FOUND"); // a child's holder
    expect(await codeOf(nudgeChildren(A.hebei!, input))).toBe("FORBIDDEN"); // above, not the one who passed it down
    expect(await codeOf(nudgeChildren(A["zhengding.chair"]!, input))).toBe("FORBIDDEN"); // no task:assign
    expect(await nudges()).toBe(0);

    expect(await nudgeChildren(A.zhengding!, input)).toEqual({ nudged: 3 });
    const events = await t.db.taskEvent.findMany({
      where: { type: "NUDGED", task: { parentTaskId: parent0.id } },
      select: { message: true, actorId: true, task: { select: { orgId: true } } },
    });
    expect(events.map((e) => e.task.orgId).sort((x, y) => x - y)).toEqual(expected);
    expect(events.every((e) => e.message === input.message && e.actorId === A.zhengding!.id)).toBe(true);
    // 恒达's chair (the org's recipient) and its responsible person are told once each.
    const notices = await t.db.notification.findMany({
      where: { type: "NUDGED", task: { parentTaskId: parent0.id } },
      select: { user: { select: { username: true } }, taskId: true },
    });
    expect(notices.map((n) => n.user.username).sort()).toEqual(["hengda.chair", "hengda.staff"]);
    expect(new Set(notices.map((n) => n.taskId))).toEqual(new Set([a.id]));
  });
});
