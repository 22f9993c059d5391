import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findObjectives } from "@/features/objectives/server/find-objectives";
import { ZAssignTasks } from "@/features/tasks/schemas";
import { getAssignContext } from "@/features/tasks/server/assign-context";
import { assignTasks } from "@/features/tasks/server/assign-tasks";
import { cancelTask } from "@/features/tasks/server/cancel-task";
import { countTargetOrgs } from "@/features/tasks/server/count-targets";
import { getObjectiveTaskSummary } from "@/features/tasks/server/get-objective-task-summary";
import { reviewCompletion } from "@/features/tasks/server/review-completion";
import { signTask } from "@/features/tasks/server/sign-task";
import { submitCompletion } from "@/features/tasks/server/submit-completion";
import { addDays, chinaToday, formatDay } from "@/lib/dates";
import { seedAll } from "@/prisma/seed/seed-all";
import { codeOf, loadActors, type TTestActor } from "../helpers/actors";
import { createTestDb, type TTestDb } from "../helpers/test-db";

// The 下达 form's safeguards (issue 11, items 1-3): how far a choice reaches, counted on the
// server within the assigning org's scope; no target level at or above the holder's own; 分解
// starts from the parent's terms; the objective search shows a matching item's measures.
let t: TTestDb;
let A: Record<string, TTestActor>;
const DUE = formatDay(addDays(chinaToday(), 120));
const org = async (code: string) => t.db.org.findUniqueOrThrow({ where: { code } });
const objective = async (code: string) => t.db.objective.findUniqueOrThrow({ where: { code } });
const assign = async (actor: TTestActor, over: Record<string, unknown>) =>
  assignTasks(actor, ZAssignTasks.parse({ clientToken: crypto.randomUUID(), dueDate: DUE, ...over }));
/** The field error of a refused call ("OK" when it was not refused). */
const fieldError = (p: Promise<unknown>) =>
  p.then(
    () => "OK",
    (e: { code?: string; fieldErrors?: Record<string, string> }) => `${e.code}:${e.fieldErrors?.target}`,
  );

beforeAll(async () => {
  t = await createTestDb();
  await seedAll(t.db, { demoUsers: true });
  A = await loadActors(t.db);
});
afterAll(() => t.close());

describe("the reach of a target choice", () => {
  it("counts the orgs of a level under the chosen org, as the 下达 then creates", async () => {
    const root = await org("000000");
    const sjz = await org("130100");
    // GB/T 2260: 31 provincial units; 石家庄 has 22 county-level divisions.
    const level = (l: "PROVINCE" | "COUNTY", underOrgId: number) => ({
      mode: "level" as const,
      level: l,
      underOrgId,
    });
    expect(await countTargetOrgs(A.acftu!, { target: level("PROVINCE", root.id) })).toEqual({
      orgs: 31,
    });
    expect(await countTargetOrgs(A.hebei!, { target: level("COUNTY", sjz.id) })).toEqual({
      orgs: 22,
    });
    const res = await assign(A.hebei!, {
      objectiveIds: [(await objective("3.4.1.1")).id],
      target: level("COUNTY", sjz.id),
    });
    expect(res).toMatchObject({ targets: 22, created: 22 });
  });

  it("counts only chosen orgs inside the scope, and refuses another region's area", async () => {
    const zd = await org("130123");
    const wuchang = await org("420106");
    const hebei = await org("130000");
    const pick = (...ids: number[]) => ({ target: { mode: "orgs" as const, orgIds: ids } });
    expect(await countTargetOrgs(A.hebei!, pick(zd.id, wuchang.id, hebei.id))).toEqual({ orgs: 1 });
    expect(await countTargetOrgs(A.wuhan!, pick(zd.id))).toEqual({ orgs: 0 });
    const hubei = await org("420000");
    expect(
      await fieldError(
        countTargetOrgs(A.hebei!, { target: { mode: "level", level: "COUNTY", underOrgId: hubei.id } }),
      ),
    ).toBe("VALIDATION:outOfScope");
  });

  it("for 分解, counts from the holder of a task in scope; another region's task is not found", async () => {
    const m = await objective("3.4.1.2");
    await assign(A.hebei!, {
      objectiveIds: [m.id],
      target: { mode: "orgs", orgIds: [(await org("130123")).id] },
    });
    const tk = await t.db.task.findFirstOrThrow({ where: { objectiveId: m.id } });
    await signTask(A["zhengding.chair"]!, { taskId: tk.id, version: tk.version });
    const zd = await org("130123");
    const branches = { mode: "level" as const, level: "GRASSROOTS" as const, underOrgId: zd.id };
    // 正定 has four demo grassroots unions.
    expect(await countTargetOrgs(A.zhengding!, { target: branches, parentTaskId: tk.id })).toEqual({
      orgs: 4,
    });
    expect(await codeOf(countTargetOrgs(A.wuchang!, { target: branches, parentTaskId: tk.id }))).toBe(
      "NOT_FOUND",
    );
  });
});

describe("no target level at or above the holder's own", () => {
  it("refuses a 下达 to the assigner's own level or one above, and allows the next one down", async () => {
    const m = await objective("3.4.2.1");
    const hebei = await org("130000");
    const sjz = await org("130100");
    const level = (l: "PROVINCE" | "CITY", underOrgId: number) => ({
      mode: "level" as const,
      level: l,
      underOrgId,
    });
    expect(
      await fieldError(assign(A.hebei!, { objectiveIds: [m.id], target: level("PROVINCE", hebei.id) })),
    ).toBe("VALIDATION:levelNotBelow");
    // 石家庄 (a city): neither its own level nor the one above, by the 下达 or by the count.
    for (const l of ["PROVINCE", "CITY"] as const) {
      expect(
        await fieldError(assign(A.shijiazhuang!, { objectiveIds: [m.id], target: level(l, sjz.id) })),
      ).toBe("VALIDATION:levelNotBelow");
      expect(await fieldError(countTargetOrgs(A.shijiazhuang!, { target: level(l, sjz.id) }))).toBe(
        "VALIDATION:levelNotBelow",
      );
    }
    const res = await assign(A.hebei!, {
      objectiveIds: [m.id],
      target: { mode: "level", level: "CITY", underOrgId: sjz.id },
    });
    expect(res).toMatchObject({ created: 1, targets: 1 }); // 石家庄 itself, the one city under 石家庄
    expect(await t.db.task.count({ where: { objectiveId: m.id } })).toBe(1);
  });

  it("refuses a 分解 to the holder's level: a county passes down to grassroots unions only", async () => {
    const m = await objective("3.4.2.2");
    const zd = await org("130123");
    await assign(A.hebei!, { objectiveIds: [m.id], target: { mode: "orgs", orgIds: [zd.id] } });
    const tk = await t.db.task.findFirstOrThrow({ where: { objectiveId: m.id } });
    await signTask(A["zhengding.chair"]!, { taskId: tk.id, version: tk.version });
    const cascade = (level: "CITY" | "COUNTY" | "GRASSROOTS") =>
      assign(A.zhengding!, {
        parentTaskId: tk.id,
        objectiveIds: [1],
        target: { mode: "level", level, underOrgId: zd.id },
      });
    expect(await fieldError(cascade("COUNTY"))).toBe("VALIDATION:levelNotBelow");
    expect(await fieldError(cascade("CITY"))).toBe("VALIDATION:levelNotBelow");
    expect(await t.db.task.count({ where: { parentTaskId: tk.id } })).toBe(0);
    expect((await cascade("GRASSROOTS")).created).toBe(4);
  });
});

describe("the form's context", () => {
  it("offers only levels below the holder and starts with the next tier, not the whole area", async () => {
    const national = await getAssignContext(A.acftu!);
    expect(national).toMatchObject({
      levels: ["PROVINCE", "CITY", "COUNTY", "GRASSROOTS"],
      defaultLevel: "PROVINCE",
      defaultPriority: "NORMAL",
      defaultNote: "",
    });
    expect(await getAssignContext(A.hebei!)).toMatchObject({
      levels: ["CITY", "COUNTY", "GRASSROOTS"],
      defaultLevel: "CITY",
    });
    const m = await objective("3.5.2");
    expect((await getAssignContext(A.hebei!, { objectiveCode: "3.5.2" }))?.initialObjectiveIds).toEqual([
      m.id,
    ]);
    expect((await getAssignContext(A.hebei!, { objectiveCode: "9.9" }))?.initialObjectiveIds).toEqual([]);
  });

  it("分解 starts from the parent task's priority and note, and only the levels below the holder", async () => {
    const m = await objective("3.4.3.1");
    const zd = await org("130123");
    await assign(A.hebei!, {
      objectiveIds: [m.id],
      target: { mode: "orgs", orgIds: [zd.id] },
      priority: "URGENT",
      note: "请于季度末前形成方案",
    });
    const tk = await t.db.task.findFirstOrThrow({ where: { objectiveId: m.id } });
    await signTask(A["zhengding.chair"]!, { taskId: tk.id, version: tk.version });
    expect(await getAssignContext(A.zhengding!, { parentTaskId: tk.id })).toMatchObject({
      parent: { taskId: tk.id },
      defaultPriority: "URGENT",
      defaultNote: "请于季度末前形成方案",
      levels: ["GRASSROOTS"],
      defaultLevel: "GRASSROOTS",
      defaultDue: DUE,
    });
    expect(await getAssignContext(A.wuchang!, { parentTaskId: tk.id })).toBeNull();
  });
});

describe("objective search", () => {
  it("a matching sub-item brings its measures, in tree order after it", async () => {
    const report = await t.db.plan.findUniqueOrThrow({ where: { codePrefix: "3" } });
    const { hits } = await findObjectives("智慧工会", report.id);
    const measures = await t.db.objective.findMany({
      where: { code: { startsWith: "3.5.2." } },
      orderBy: { id: "asc" },
      select: { code: true },
    });
    expect(measures.length).toBeGreaterThan(1);
    expect(hits.map((h) => `${h.code}${h.viaParent ? "+" : ""}`)).toEqual([
      "3.5.2",
      ...measures.map((x) => `${x.code}+`),
    ]);
    expect(hits.find((h) => h.code === measures[0]!.code)?.path).toContain("积极建设智慧工会");
  });
});

describe("an objective's tasks in the user's area", () => {
  it("counts by status within the scope, with overdue and the completion rate", async () => {
    const [m1, m2, m3] = await t.db.objective.findMany({
      where: { level: "MEASURE", code: { startsWith: "3.3.1." } },
      orderBy: { id: "asc" },
      take: 3,
    });
    const sjz = await org("130100");
    const zd = await org("130123");
    await assign(A.hebei!, {
      objectiveIds: [m1!.id],
      target: { mode: "level", level: "COUNTY", underOrgId: sjz.id },
    });
    await assign(A.hebei!, { objectiveIds: [m2!.id], target: { mode: "orgs", orgIds: [zd.id] } });
    await assign(A.hebei!, {
      objectiveIds: [m3!.id],
      target: { mode: "orgs", orgIds: [zd.id] },
      dueDate: formatDay(addDays(chinaToday(), -1)),
      allowPastDue: true,
    });
    // 井陉's task of m1 is cancelled; 正定 completes m2.
    const jx = await t.db.task.findFirstOrThrow({ where: { objectiveId: m1!.id, org: { code: "130121" } } });
    await cancelTask(A.hebei!, { taskId: jx.id, version: jx.version, reason: "职责调整" });
    let tk = await t.db.task.findFirstOrThrow({ where: { objectiveId: m2!.id } });
    await signTask(A["zhengding.chair"]!, { taskId: tk.id, version: tk.version });
    tk = await t.db.task.findUniqueOrThrow({ where: { id: tk.id } });
    await submitCompletion(A["zhengding.chair"]!, {
      taskId: tk.id,
      version: tk.version,
      clientToken: crypto.randomUUID(),
      summary: "已按要求全部完成",
      attachmentIds: [],
    });
    tk = await t.db.task.findUniqueOrThrow({ where: { id: tk.id } });
    await reviewCompletion(A.hebei!, { taskId: tk.id, version: tk.version, decision: "APPROVED" });

    // 河北: 22 + 1 + 1 tasks, one cancelled (not counted), one completed, one overdue.
    const hebei = await getObjectiveTaskSummary(A.hebei!, "3.3.1");
    expect(hebei).toMatchObject({ total: 23, overdue: 1, completionRate: 1 / 23 });
    expect(hebei.byStatus).toMatchObject({ PENDING_SIGN: 22, COMPLETED: 1, IN_PROGRESS: 0 });
    // 正定 sees only its own three; 武汉 none; one measure alone.
    const zdView = await getObjectiveTaskSummary(A.zhengding!, "3.3.1");
    expect(zdView).toMatchObject({ total: 3, overdue: 1, completionRate: 1 / 3 });
    expect(zdView.byStatus).toMatchObject({ PENDING_SIGN: 2, COMPLETED: 1 });
    expect(await getObjectiveTaskSummary(A.wuhan!, "3.3.1")).toMatchObject({
      total: 0,
      completionRate: null,
    });
    expect(await getObjectiveTaskSummary(A.hebei!, m2!.code)).toMatchObject({ total: 1, completionRate: 1 });
  });
});
