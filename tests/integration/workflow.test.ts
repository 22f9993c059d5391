import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZAssignTasks, ZReview } from "@/features/tasks/schemas";
import { assignStaff } from "@/features/tasks/server/assign-staff";
import { assignTasks } from "@/features/tasks/server/assign-tasks";
import { claimTask } from "@/features/tasks/server/claim-task";
import { decideExtension } from "@/features/tasks/server/decide-extension";
import { requestExtension } from "@/features/tasks/server/request-extension";
import { getTaskDetail } from "@/features/tasks/server/get-task-detail";
import { listTasks } from "@/features/tasks/server/list-tasks";
import { logProgress } from "@/features/tasks/server/log-progress";
import { nudgeTask } from "@/features/tasks/server/nudge-comment";
import { handBackTask } from "@/features/tasks/server/hand-back-task";
import { reassignTask } from "@/features/tasks/server/reassign-task";
import { signTask } from "@/features/tasks/server/sign-task";
import { reviewCompletion } from "@/features/tasks/server/review-completion";
import { submitCompletion } from "@/features/tasks/server/submit-completion";
import { addDays, chinaToday, formatDay } from "@/lib/dates";
import { seedAll } from "@/prisma/seed/seed-all";
import { codeOf, loadActors, type TTestActor } from "../helpers/actors";
import { createTestDb, type TTestDb } from "../helpers/test-db";

let t: TTestDb;
let A: Record<string, TTestActor>;
const token = () => crypto.randomUUID();
/** A calendar day in China `days` from today (YYYY-MM-DD): fixed days would expire. */
const day = (days: number) => formatDay(addDays(chinaToday(), days));
/** The default due date: half a year ahead. */
const DUE = day(180);
/** PGlite runs one transaction at a time, so racing calls there merely run one after the other. */
const realConcurrency = Boolean(process.env.TEST_DATABASE_URL);
const org = async (code: string) => t.db.org.findUniqueOrThrow({ where: { code } });
const objective = async (code: string) => t.db.objective.findUniqueOrThrow({ where: { code } });
const task = async (objectiveCode: string, orgCode: string) =>
  t.db.task.findFirstOrThrow({ where: { objective: { code: objectiveCode }, org: { code: orgCode } } });
const assign = async (actor: TTestActor, over: Record<string, unknown>) =>
  assignTasks(actor, ZAssignTasks.parse({ clientToken: token(), dueDate: DUE, ...over }));

beforeAll(async () => {
  t = await createTestDb();
  await seedAll(t.db, { demoUsers: true });
  A = await loadActors(t.db);
});
afterAll(() => t.close());

describe("下达 in bulk", () => {
  it("assigns a measure to every county of a city once, and a repeated submit creates nothing", async () => {
    const sjz = await org("130100");
    const m = await objective("3.2.2.1");
    const counties = await t.db.org.count({ where: { level: "COUNTY", ancestorIds: { has: sjz.id } } });
    const input = ZAssignTasks.parse({
      clientToken: token(),
      objectiveIds: [m.id],
      target: { mode: "level", level: "COUNTY", underOrgId: sjz.id },
      dueDate: DUE,
    });
    const first = await assignTasks(A.hebei!, input);
    expect(first).toMatchObject({ created: counties, skipped: 0, measures: 1, targets: counties });
    expect(await assignTasks(A.hebei!, input)).toEqual(first);
    const again = await assign(A.hebei!, {
      objectiveIds: [m.id],
      target: { mode: "level", level: "COUNTY", underOrgId: sjz.id },
    });
    expect(again).toMatchObject({ created: 0, skipped: counties });
    expect(await t.db.task.count({ where: { objectiveId: m.id } })).toBe(counties);
    const events = await t.db.taskEvent.count({ where: { type: "ASSIGNED", task: { objectiveId: m.id } } });
    expect(events).toBe(counties);
    const zd = await task("3.2.2.1", "130123");
    expect(zd).toMatchObject({
      status: "PENDING_SIGN",
      kind: "ASSIGNED",
      reviewOrgId: (await org("130000")).id,
    });
    // The county's manager and chair are told once about the batch.
    const notes = await t.db.notification.findMany({
      where: { type: "NEW_TASKS", user: { org: { code: "130123" } } },
      select: { user: { select: { username: true } } },
    });
    expect(notes.map((n) => n.user.username).sort()).toEqual(["zhengding", "zhengding.chair"]);
  });

  it("expands a sub-item into all its measures", async () => {
    const sub = await objective("3.4.3");
    const measures = await t.db.objective.count({ where: { code: { startsWith: "3.4.3." } } });
    const res = await assign(A.shijiazhuang!, {
      objectiveIds: [sub.id],
      target: { mode: "orgs", orgIds: [(await org("130123")).id] },
    });
    expect(res.created).toBe(measures);
  });

  it("refuses targets outside the subtree, the assigner itself and past due dates", async () => {
    const m = await objective("3.2.2.2");
    expect(
      await codeOf(
        assign(A.hebei!, {
          objectiveIds: [m.id],
          target: { mode: "orgs", orgIds: [(await org("420106")).id] },
        }),
      ),
    ).toBe("VALIDATION");
    expect(
      await codeOf(
        assign(A.hebei!, {
          objectiveIds: [m.id],
          target: { mode: "orgs", orgIds: [(await org("130000")).id] },
        }),
      ),
    ).toBe("VALIDATION");
    expect(
      await codeOf(
        assign(A.hebei!, {
          objectiveIds: [m.id],
          dueDate: "2020-01-01",
          target: { mode: "orgs", orgIds: [(await org("130123")).id] },
        }),
      ),
    ).toBe("VALIDATION");
    expect(
      await codeOf(
        assign(A["zhengding.chair"]!, {
          objectiveIds: [m.id],
          target: { mode: "orgs", orgIds: [(await org("1301230001")).id] },
        }),
      ),
    ).toBe("FORBIDDEN"); // a chair has no task:assign; it may only pass its own task down
    expect(await t.db.task.count({ where: { objectiveId: m.id } })).toBe(0);
  });
});

describe("the whole path of one task", () => {
  it("sign → staff → progress → submit → return → resubmit → approve, with a full timeline", async () => {
    const chair = A["zhengding.chair"]!;
    const staff = A["zhengding.staff"]!;
    let tk = await task("3.2.2.1", "130123");
    expect(await codeOf(signTask(A.wuhan!, { taskId: tk.id, version: tk.version }))).toBe("NOT_FOUND");
    expect(await codeOf(signTask(staff, { taskId: tk.id, version: tk.version }))).toBe("FORBIDDEN");
    expect(
      await codeOf(
        logProgress(staff, {
          taskId: tk.id,
          version: tk.version,
          clientToken: token(),
          percent: 10,
          state: "NORMAL",
          narrative: "尚未签收",
          attachmentIds: [],
        }),
      ),
    ).toBe("FORBIDDEN");
    await signTask(chair, { taskId: tk.id, version: tk.version });
    expect(await codeOf(signTask(chair, { taskId: tk.id, version: tk.version }))).toBe("CONFLICT");
    tk = await task("3.2.2.1", "130123");
    expect(
      await codeOf(
        assignStaff(chair, {
          taskId: tk.id,
          version: tk.version,
          responsibleId: A["hengda.staff"]!.id,
          helperIds: [],
        }),
      ),
    ).toBe("VALIDATION");
    await assignStaff(chair, { taskId: tk.id, version: tk.version, responsibleId: staff.id, helperIds: [] });
    tk = await task("3.2.2.1", "130123");

    const p = {
      taskId: tk.id,
      version: tk.version,
      clientToken: token(),
      percent: 50,
      state: "NORMAL" as const,
      narrative: "已完成一半",
      attachmentIds: [],
    };
    const first = await logProgress(staff, p);
    expect(await logProgress(staff, p)).toEqual(first); // a double-clicked submit creates one record
    expect(await t.db.progressUpdate.count({ where: { taskId: tk.id } })).toBe(1);
    expect(await codeOf(logProgress(staff, { ...p, clientToken: token(), percent: 60 }))).toBe("CONFLICT"); // stale version
    tk = await task("3.2.2.1", "130123");
    expect(tk.progress).toBe(50);
    await logProgress(staff, {
      ...p,
      version: tk.version,
      clientToken: token(),
      percent: 60,
      state: "LAGGING",
    });
    tk = await task("3.2.2.1", "130123");
    expect(tk.progress).toBe(60);
    await logProgress(staff, { ...p, version: tk.version, clientToken: token(), percent: 100 });
    tk = await task("3.2.2.1", "130123");
    const progressEvents = await t.db.taskEvent.findMany({
      where: { taskId: tk.id, type: "PROGRESS" },
      orderBy: { id: "asc" },
      select: { changes: true, message: true, actorId: true },
    });
    expect(progressEvents).toEqual([
      { changes: { progress: [0, 50] }, message: "已完成一半", actorId: staff.id },
      {
        changes: { progress: [50, 60], state: ["NORMAL", "LAGGING"] },
        message: "已完成一半",
        actorId: staff.id,
      },
      {
        changes: { progress: [60, 100], state: ["LAGGING", "NORMAL"] },
        message: "已完成一半",
        actorId: staff.id,
      },
    ]);
    expect(await t.db.progressUpdate.count({ where: { taskId: tk.id } })).toBe(3);

    const submit = {
      taskId: tk.id,
      version: tk.version,
      clientToken: token(),
      summary: "按期完成劳动竞赛组织工作",
      attachmentIds: [],
    };
    expect(await codeOf(submitCompletion(staff, submit))).toBe("FORBIDDEN");
    expect(
      await codeOf(
        reviewCompletion(
          A.hebei!,
          ZReview.parse({ taskId: tk.id, version: tk.version, decision: "APPROVED" }),
        ),
      ),
    ).toBe("INVALID_TRANSITION");
    await submitCompletion(chair, submit);
    tk = await task("3.2.2.1", "130123");
    expect(tk.status).toBe("SUBMITTED");
    expect(await codeOf(logProgress(staff, { ...p, version: tk.version, clientToken: token() }))).toBe(
      "INVALID_TRANSITION",
    );
    expect(
      await codeOf(
        reviewCompletion(chair, ZReview.parse({ taskId: tk.id, version: tk.version, decision: "APPROVED" })),
      ),
    ).toBe("FORBIDDEN");
    // Returning needs a reason: refused by the schema, on that field, with that message.
    expect(
      ZReview.safeParse({ taskId: tk.id, version: tk.version, decision: "RETURNED" }).error?.issues.map(
        (i) => [i.path.join("."), i.message],
      ),
    ).toEqual([["note", "reasonRequired"]]);

    await reviewCompletion(
      A.hebei!,
      ZReview.parse({ taskId: tk.id, version: tk.version, decision: "RETURNED", note: "佐证材料不全" }),
    );
    tk = await task("3.2.2.1", "130123");
    expect(tk).toMatchObject({ status: "IN_PROGRESS", lastReason: "佐证材料不全" });
    await submitCompletion(chair, {
      ...submit,
      version: tk.version,
      clientToken: token(),
      summary: "已补充佐证材料",
    });
    tk = await task("3.2.2.1", "130123");
    const approve = ZReview.parse({ taskId: tk.id, version: tk.version, decision: "APPROVED" });
    await reviewCompletion(A.hebei!, approve);
    expect(await codeOf(reviewCompletion(A.hebei!, approve))).toBe("CONFLICT"); // the same form sent again
    tk = await task("3.2.2.1", "130123");
    expect(tk).toMatchObject({ status: "COMPLETED", progress: 100 });
    expect(tk.completedAt).not.toBeNull();

    const events = await t.db.taskEvent.findMany({ where: { taskId: tk.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.type)).toEqual([
      "ASSIGNED",
      "SIGNED",
      "STAFF_ASSIGNED",
      "PROGRESS",
      "PROGRESS",
      "PROGRESS",
      "SUBMITTED",
      "RETURNED",
      "SUBMITTED",
      "APPROVED",
    ]);
    expect(events[3]!.changes).toEqual({ progress: [0, 50] });
    expect(events[7]!.message).toBe("佐证材料不全");
    const reports = await t.db.completionReport.findMany({
      where: { taskId: tk.id },
      orderBy: { id: "asc" },
    });
    expect(reports.map((r) => r.decision)).toEqual(["RETURNED", "APPROVED"]);
    const told = await t.db.notification.findMany({
      where: { taskId: tk.id },
      select: { type: true, user: { select: { username: true } } },
    });
    expect(
      told
        .filter((n) => n.type === "RETURNED")
        .map((n) => n.user.username)
        .sort(),
    ).toEqual(["zhengding", "zhengding.chair", "zhengding.staff"]);
    expect(told.filter((n) => n.type === "SUBMITTED").map((n) => n.user.username)).toEqual([
      "hebei",
      "hebei",
    ]);
    // Each recipient once, the responsible staff member included; what the one-statement path writes in full:
    expect(
      told
        .filter((n) => n.type === "APPROVED")
        .map((n) => n.user.username)
        .sort(),
    ).toEqual(["zhengding", "zhengding.chair", "zhengding.staff"]);
    expect(events[6]).toMatchObject({
      fromStatus: "IN_PROGRESS",
      toStatus: "SUBMITTED",
      message: "按期完成劳动竞赛组织工作",
      actorId: chair.id,
      changes: null,
    });
    expect(events[9]).toMatchObject({
      fromStatus: "SUBMITTED",
      toStatus: "COMPLETED",
      actorId: A.hebei!.id,
      changes: null,
    });
    expect(reports[1]).toMatchObject({
      summary: "已补充佐证材料",
      submittedById: chair.id,
      decidedById: A.hebei!.id,
      decisionNote: null,
    });
    expect(reports[1]!.decidedAt).not.toBeNull();
    const params = await t.db.notification.findFirstOrThrow({
      where: { taskId: tk.id, type: "SUBMITTED" },
      select: { params: true },
    });
    expect(params.params).toMatchObject({ org: expect.any(String), objective: expect.any(String) });
  });
});

describe("hand-back, extension, nudge, cascade, claim", () => {
  it("a handed-back task goes to the assigner, who sends it again", async () => {
    await assign(A.hebei!, {
      objectiveIds: [(await objective("3.2.3.1")).id],
      target: { mode: "orgs", orgIds: [(await org("130123")).id] },
    });
    let tk = await task("3.2.3.1", "130123");
    await handBackTask(A["zhengding.chair"]!, {
      taskId: tk.id,
      version: tk.version,
      reason: "不属于本级职责",
    });
    tk = await task("3.2.3.1", "130123");
    expect(tk).toMatchObject({ status: "HANDED_BACK", lastReason: "不属于本级职责" });
    expect(
      await t.db.notification.count({
        where: { type: "HANDED_BACK", taskId: tk.id, user: { username: "hebei" } },
      }),
    ).toBe(1);
    expect(await codeOf(reassignTask(A.shijiazhuang!, { taskId: tk.id, version: tk.version }))).toBe(
      "FORBIDDEN",
    );
    await reassignTask(A.hebei!, { taskId: tk.id, version: tk.version, dueDate: day(270) });
    tk = await task("3.2.3.1", "130123");
    expect(tk.status).toBe("PENDING_SIGN");
    expect(formatDay(tk.dueDate)).toBe(day(270));
  });

  it("an extension changes the due date only on approval; one pending request at a time", async () => {
    let tk = await task("3.2.3.1", "130123");
    const chair = A["zhengding.chair"]!;
    const ask = {
      taskId: tk.id,
      version: tk.version,
      clientToken: token(),
      toDue: day(365),
      reason: "需协调多部门",
    };
    expect(await codeOf(requestExtension(chair, { ...ask, toDue: day(200) }))).toBe("VALIDATION");
    const { extensionId } = await requestExtension(chair, ask);
    tk = await task("3.2.3.1", "130123");
    expect(formatDay(tk.dueDate)).toBe(day(270));
    expect(await codeOf(requestExtension(chair, { ...ask, version: tk.version, clientToken: token() }))).toBe(
      "ALREADY_EXISTS",
    );
    await decideExtension(A.hebei!, { taskId: tk.id, version: tk.version, extensionId, approve: true });
    tk = await task("3.2.3.1", "130123");
    expect(formatDay(tk.dueDate)).toBe(day(365));
    expect(
      await codeOf(
        decideExtension(A.hebei!, { taskId: tk.id, version: tk.version, extensionId, approve: false }),
      ),
    ).toBe("INVALID_TRANSITION");
    await nudgeTask(A.hebei!, { taskId: tk.id, message: "请尽快签收" });
    await nudgeTask(A.hebei!, { taskId: tk.id });
    expect(await t.db.taskEvent.count({ where: { taskId: tk.id, type: "NUDGED" } })).toBe(2);
    expect(await codeOf(nudgeTask(A.wuhan!, { taskId: tk.id }))).toBe("NOT_FOUND");
  });

  it("分解: a county passes its task to its branches and its progress follows theirs", async () => {
    await assign(A.hebei!, {
      objectiveIds: [(await objective("3.5.3.1")).id],
      target: { mode: "orgs", orgIds: [(await org("130123")).id] },
    });
    let parent = await task("3.5.3.1", "130123");
    await signTask(A["zhengding.chair"]!, { taskId: parent.id, version: parent.version });
    const county = await org("130123");
    const branches = await t.db.org.count({ where: { parentId: county.id } });
    expect(branches).toBeGreaterThan(1);
    expect(
      await codeOf(
        assign(A.zhengding!, {
          parentTaskId: parent.id,
          objectiveIds: [1],
          dueDate: day(181), // a day after the county's own task is due
          target: { mode: "level", level: "GRASSROOTS", underOrgId: county.id },
        }),
      ),
    ).toBe("VALIDATION");
    const res = await assign(A.zhengding!, {
      parentTaskId: parent.id,
      objectiveIds: [1],
      target: { mode: "level", level: "GRASSROOTS", underOrgId: county.id },
    });
    expect(res.created).toBe(branches);
    let child = await task("3.5.3.1", "1301230001");
    expect(child).toMatchObject({ parentTaskId: parent.id, reviewOrgId: county.id });
    await signTask(A["hengda.chair"]!, { taskId: child.id, version: child.version });
    child = await task("3.5.3.1", "1301230001");
    await assignStaff(A["hengda.chair"]!, {
      taskId: child.id,
      version: child.version,
      responsibleId: A["hengda.staff"]!.id,
      helperIds: [],
    });
    child = await task("3.5.3.1", "1301230001");
    await logProgress(A["hengda.staff"]!, {
      taskId: child.id,
      version: child.version,
      clientToken: token(),
      percent: 60,
      state: "NORMAL",
      narrative: "推进中",
      attachmentIds: [],
    });
    parent = await task("3.5.3.1", "130123");
    expect(parent.progress).toBe(Math.round(60 / branches));
    // The branch sees its own task but not its parent at the county.
    const detail = await getTaskDetail(A["hengda.staff"]!, child.id);
    expect(detail.task.parentTask).toBeNull();
    expect(detail.actions).toContain("logProgress");
    expect(await codeOf(getTaskDetail(A["hengda.staff"]!, parent.id))).toBe("NOT_FOUND");
    // The county's page lists what it passed down: one branch signed, the others not (催办 reaches them).
    const above = await getTaskDetail(A.zhengding!, parent.id);
    expect(above.children).toHaveLength(branches);
    expect(above.childCounts).toEqual({ IN_PROGRESS: 1, PENDING_SIGN: branches - 1 });
    expect(above.nudgeableChildren).toBe(branches - 1);
    // A task never passed down has no sub-task figures (those queries are skipped).
    expect(detail).toMatchObject({ children: [], childCounts: {}, nudgeableChildren: 0 });
  });

  it("认领: a branch claims an unassigned measure once; its parent org reviews it", async () => {
    const m = await objective("3.4.1.1");
    const { taskId } = await claimTask(A["hengda.chair"]!, { objectiveId: m.id, dueDate: day(240) });
    const claimed = await t.db.task.findUniqueOrThrow({ where: { id: taskId } });
    expect(claimed).toMatchObject({
      kind: "CLAIMED",
      status: "IN_PROGRESS",
      reviewOrgId: (await org("130123")).id,
    });
    expect(await codeOf(claimTask(A["hengda.chair"]!, { objectiveId: m.id, dueDate: day(240) }))).toBe(
      "ALREADY_EXISTS",
    );
    expect(await codeOf(claimTask(A.zhengding!, { objectiveId: m.id, dueDate: day(240) }))).toBe("FORBIDDEN");
  });
});

describe("scope of reads", () => {
  it("another province lists none of Hebei's tasks and cannot open one", async () => {
    const tk = await task("3.2.2.1", "130123");
    expect((await listTasks(A.wuhan!, {})).items).toHaveLength(0);
    expect(await codeOf(getTaskDetail(A.hubei!, tk.id))).toBe("NOT_FOUND");
    const hebeiList = await listTasks(A.hebei!, { org: (await org("130123")).id });
    expect(hebeiList.items.length).toBeGreaterThan(3);
    expect(hebeiList.items.every((i) => i.org.name.startsWith("正定"))).toBe(true);
    const overdue = await listTasks(A.hebei!, { overdue: "1" }, addDays(new Date(), 800)); // past every due date
    expect(overdue.items.every((i) => i.status !== "COMPLETED")).toBe(true);
    expect(overdue.items.length).toBeGreaterThan(0);
  });
});

describe.runIf(realConcurrency)(
  "PostgreSQL only (real concurrency; PGlite runs one transaction at a time)",
  () => {
    /** A fresh measure under 3.6 given to 正定县, signed, staffed: its task. */
    async function startedTask(code: string) {
      await assign(A.hebei!, {
        objectiveIds: [(await objective(code)).id],
        target: { mode: "orgs", orgIds: [(await org("130123")).id] },
      });
      let tk = await task(code, "130123");
      await signTask(A["zhengding.chair"]!, { taskId: tk.id, version: tk.version });
      tk = await task(code, "130123");
      await assignStaff(A["zhengding.chair"]!, {
        taskId: tk.id,
        version: tk.version,
        responsibleId: A["zhengding.staff"]!.id,
        helperIds: [],
      });
      return task(code, "130123");
    }
    let codes: string[] = [];
    beforeAll(async () => {
      codes = (
        await t.db.objective.findMany({
          where: { level: "MEASURE", code: { startsWith: "3.6." } },
          orderBy: { code: "asc" },
          take: 2,
          select: { code: true },
        })
      ).map((o) => o.code);
    });

    it("two progress reports on the same version at once: one is recorded, the other is told CONFLICT", async () => {
      const tk = await startedTask(codes[0]!);
      const race = await Promise.all(
        [60, 70].map((percent) =>
          codeOf(
            logProgress(A["zhengding.staff"]!, {
              taskId: tk.id,
              version: tk.version,
              clientToken: token(),
              percent,
              state: "NORMAL",
              narrative: "同时报送",
              attachmentIds: [],
            }),
          ),
        ),
      );
      expect(race.sort()).toEqual(["CONFLICT", "OK"]);
      const after = await task(codes[0]!, "130123");
      const updates = await t.db.progressUpdate.findMany({
        where: { taskId: tk.id },
        select: { percent: true },
      });
      expect(updates.map((u) => u.percent)).toEqual([after.progress]);
      expect(after.version).toBe(tk.version + 1);
      expect(await t.db.taskEvent.count({ where: { taskId: tk.id, type: "PROGRESS" } })).toBe(1);
    });

    it("two approvals of the same version at once: one approves, the other is told CONFLICT and writes nothing", async () => {
      let tk = await startedTask(codes[1]!);
      await submitCompletion(A["zhengding.chair"]!, {
        taskId: tk.id,
        version: tk.version,
        clientToken: token(),
        summary: "同时审核",
        attachmentIds: [],
      });
      tk = await task(codes[1]!, "130123");
      const approve = ZReview.parse({ taskId: tk.id, version: tk.version, decision: "APPROVED" });
      const race = await Promise.all([0, 1].map(() => codeOf(reviewCompletion(A.hebei!, approve))));
      expect(race.sort()).toEqual(["CONFLICT", "OK"]);
      expect(await task(codes[1]!, "130123")).toMatchObject({ status: "COMPLETED", version: tk.version + 1 });
      expect(await t.db.taskEvent.count({ where: { taskId: tk.id, type: "APPROVED" } })).toBe(1);
      const told = await t.db.notification.findMany({
        where: { taskId: tk.id, type: "APPROVED" },
        select: { user: { select: { username: true } } },
      });
      expect(told.map((n) => n.user.username).sort()).toEqual([
        "zhengding",
        "zhengding.chair",
        "zhengding.staff",
      ]);
    });
  },
);
