import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addMeasure, renameObjective } from "@/features/plan-edit/server/edit-objectives";
import { getPlanForEdit } from "@/features/plan-edit/server/get-plan-for-edit";
import { retireMeasure } from "@/features/plan-edit/server/retire-measure";
import { ZRetireMeasure } from "@/features/plan-edit/schemas";
import { getDraft } from "@/features/plan-import/server/get-draft";
import { importPlanFile } from "@/features/plan-import/server/import-file";
import { publishDraft } from "@/features/plan-import/server/publish-draft";
import { saveDraft } from "@/features/plan-import/server/save-draft";
import { ZSaveDraft } from "@/features/plan-import/schemas";
import { ZAssignTasks } from "@/features/tasks/schemas";
import { assignTasks } from "@/features/tasks/server/assign-tasks";
import { claimTask } from "@/features/tasks/server/claim-task";
import { signTask } from "@/features/tasks/server/sign-task";
import { addDays, chinaToday, formatDay } from "@/lib/dates";
import { seedAll } from "@/prisma/seed/seed-all";
import { workPointsDocx } from "../fixtures/work-points-docx";
import { codeOf, loadActors, type TTestActor } from "../helpers/actors";
import { createTestDb, type TTestDb } from "../helpers/test-db";

// Editing a published plan: a new measure takes the next code, a rename keeps before → after, and
// retiring a measure with open tasks asks what to do with them (keep, or cancel through 撤销).
let t: TTestDb;
let A: Record<string, TTestActor>;
const DUE = formatDay(addDays(chinaToday(), 60));
const obj = (code: string) => t.db.objective.findUniqueOrThrow({ where: { code } });
const org = (code: string) => t.db.org.findUniqueOrThrow({ where: { code } });
const assign = async (
  actor: TTestActor,
  objectiveCode: string,
  orgCodes: string[] & { parentTaskId?: number },
) =>
  assignTasks(
    actor,
    ZAssignTasks.parse({
      clientToken: crypto.randomUUID(),
      dueDate: DUE,
      objectiveIds: [(await obj(objectiveCode)).id],
      target: { mode: "orgs", orgIds: await Promise.all(orgCodes.map(async (c) => (await org(c)).id)) },
      parentTaskId: orgCodes.parentTaskId,
    }),
  );
const taskOf = async (code: string, orgCode: string) =>
  t.db.task.findFirstOrThrow({ where: { objective: { code }, org: { code: orgCode } } });
const retire = async (actor: TTestActor, code: string, extra: Record<string, unknown> = {}) =>
  retireMeasure(actor, ZRetireMeasure.parse({ objectiveId: (await obj(code)).id, ...extra }));

let planId: number;
beforeAll(async () => {
  t = await createTestDb();
  await seedAll(t.db, { demoUsers: true });
  A = await loadActors(t.db);
  const { draftId } = await importPlanFile(A.hebei!, { bytes: await workPointsDocx(), name: "要点.docx" });
  const d = (await getDraft(A.hebei!, draftId))!;
  const { version } = await saveDraft(
    A.hebei!,
    ZSaveDraft.parse({
      draftId,
      version: d.version,
      meta: { ...d.meta, codePrefix: "HB2027" },
      tree: d.tree,
    }),
  );
  ({ planId } = await publishDraft(A.hebei!, { draftId, version }));
});
afterAll(() => t.close());

describe("a published plan's measures go through 下达", () => {
  it("assigns a measure of the new plan by id, like the 17th report's", async () => {
    expect(await assign(A.hebei!, "HB2027.1.1.1", ["130100"])).toMatchObject({ created: 1, measures: 1 });
    expect(await assign(A.hebei!, "HB2027.2", ["130100"])).toMatchObject({ created: 3, measures: 3 });
  });
});

describe("edit", () => {
  it("adds a measure with the next code under its sub-item, never reusing a code", async () => {
    const r = await addMeasure(A.hebei!, {
      parentId: (await obj("HB2027.1.1")).id,
      title: "开展职工读书活动",
      sourceText: "",
    });
    expect(r.code).toBe("HB2027.1.1.3");
    expect(await obj("HB2027.1.1.3")).toMatchObject({ level: "MEASURE", planId, sortOrder: 3 });
    await retire(A.hebei!, "HB2027.1.1.3");
    expect(
      (
        await addMeasure(A.hebei!, {
          parentId: (await obj("HB2027.1.1")).id,
          title: "再加一项",
          sourceText: "",
        })
      ).code,
    ).toBe("HB2027.1.1.4");
    // Only under a sub-item.
    expect(
      await codeOf(
        addMeasure(A.hebei!, { parentId: (await obj("HB2027.1")).id, title: "x", sourceText: "" }),
      ),
    ).toBe("VALIDATION");
  });

  it("renames with history before → after; the plan node renames the plan", async () => {
    const m = await obj("HB2027.3.1.2");
    await renameObjective(A.hebei!, { objectiveId: m.id, title: "加强职工法律援助服务" });
    const log = await t.db.changeLog.findFirstOrThrow({
      where: { entity: "OBJECTIVE", entityId: m.id, action: "rename" },
    });
    expect(log.changes).toEqual({ title: ["加强职工法律服务", "加强职工法律援助服务"] });
    await renameObjective(A.hebei!, {
      objectiveId: (await obj("HB2027")).id,
      title: "河北省总工会2027年工作要点（修订）",
    });
    expect((await t.db.plan.findUniqueOrThrow({ where: { id: planId } })).title).toBe(
      "河北省总工会2027年工作要点（修订）",
    );
  });

  it("is limited to plans issued in the editor's subtree", async () => {
    const m = await obj("HB2027.3.1.2");
    expect(await codeOf(renameObjective(A.hubei!, { objectiveId: m.id, title: "越权" }))).toBe("NOT_FOUND");
    expect(await codeOf(renameObjective(A.shijiazhuang!, { objectiveId: m.id, title: "越权" }))).toBe(
      "NOT_FOUND",
    );
    expect(await codeOf(retire(A.hubei!, "HB2027.3.1.2"))).toBe("NOT_FOUND");
    expect(await codeOf(renameObjective(A["zhengding.chair"]!, { objectiveId: m.id, title: "x" }))).toBe(
      "FORBIDDEN",
    );
    expect(await getPlanForEdit(A.hubei!, planId)).toBeNull();
    // The 17th report is issued by the national federation: a province cannot edit it.
    expect(
      await codeOf(renameObjective(A.hebei!, { objectiveId: (await obj("3.1.1.1")).id, title: "x" })),
    ).toBe("NOT_FOUND");
  });
});

describe("retire", () => {
  it("asks what to do with open tasks; keep leaves them running, and the measure takes no new task", async () => {
    expect(await codeOf(retire(A.hebei!, "HB2027.1.1.1"))).toBe("PLAN_OPEN_TASKS");
    expect((await obj("HB2027.1.1.1")).retiredAt).toBeNull();
    expect(await retire(A.hebei!, "HB2027.1.1.1", { openTasks: "keep" })).toEqual({ cancelled: 0, kept: 1 });
    expect((await taskOf("HB2027.1.1.1", "130100")).status).toBe("PENDING_SIGN");
    expect((await obj("HB2027.1.1.1")).retiredAt).not.toBeNull();
    expect(await codeOf(assign(A.hebei!, "HB2027.1.1.1", ["130200"]))).toBe("VALIDATION");
    // A sub-item expands to its measures that are not retired.
    expect(await assign(A.hebei!, "HB2027.1.1", ["130200"])).toMatchObject({ created: 2 }); // .2 and .4
    expect(
      await codeOf(
        claimTask(A["zhengding.chair"]!, { objectiveId: (await obj("HB2027.1.1.1")).id, dueDate: DUE }),
      ),
    ).toBe("NOT_FOUND");
    expect(await codeOf(retire(A.hebei!, "HB2027.1.1.1", { openTasks: "keep" }))).toBe("INVALID_TRANSITION");
  });

  it("cancel withdraws every open task through 撤销 (children first), with the reason on each timeline", async () => {
    // 石家庄 signs HB2027.2.1.1 and passes it down to 正定: the parent has an open child.
    const parent = await taskOf("HB2027.2.1.1", "130100");
    await signTask(A.shijiazhuang!, { taskId: parent.id, version: parent.version });
    await assign(A.shijiazhuang!, "HB2027.2.1.1", Object.assign(["130123"], { parentTaskId: parent.id }));
    const child = await taskOf("HB2027.2.1.1", "130123");
    expect(child.parentTaskId).toBe(parent.id);
    const id = (await obj("HB2027.2.1.1")).id;
    expect(ZRetireMeasure.safeParse({ objectiveId: id, openTasks: "cancel", reason: "x" }).success).toBe(
      false,
    );
    expect(
      await retire(A.hebei!, "HB2027.2.1.1", { openTasks: "cancel", reason: "年中调整，该项并入其他措施" }),
    ).toEqual({
      cancelled: 2,
      kept: 0,
    });
    for (const id of [parent.id, child.id]) {
      const task = await t.db.task.findUniqueOrThrow({ where: { id } });
      expect(task).toMatchObject({ status: "CANCELLED", lastReason: "年中调整，该项并入其他措施" });
      const ev = await t.db.taskEvent.findFirstOrThrow({ where: { taskId: id, type: "CANCELLED" } });
      expect(ev).toMatchObject({ message: "年中调整，该项并入其他措施", actorId: A.hebei!.id });
    }
    const log = await t.db.changeLog.findFirstOrThrow({
      where: { entity: "OBJECTIVE", entityId: (await obj("HB2027.2.1.1")).id, action: "retire" },
    });
    expect(log.note).toBe("年中调整，该项并入其他措施");
    expect(log.changes).toMatchObject({ openTasks: [null, "cancel"], taskCount: [null, 2] });
  });

  it("cancels a claimed task too; an org that did not issue the plan cannot retire its measures", async () => {
    // 正定's own claim (自选动作), reviewed by 石家庄: the province, which issued the plan, cancels it.
    const claimed = await claimTask(A["zhengding.chair"]!, {
      objectiveId: (await obj("HB2027.3.2.1")).id,
      dueDate: DUE,
    });
    // 石家庄 is 正定's reviewer, but it did not issue the plan: only the issuer's subtree edits it.
    expect(
      await codeOf(retire(A.shijiazhuang!, "HB2027.3.2.1", { openTasks: "cancel", reason: "调整" })),
    ).toBe("NOT_FOUND");
    expect(await retire(A.hebei!, "HB2027.3.2.1", { openTasks: "cancel", reason: "调整措施" })).toEqual({
      cancelled: 1,
      kept: 0,
    });
    expect((await t.db.task.findUniqueOrThrow({ where: { id: claimed.taskId } })).status).toBe("CANCELLED");
  });

  it("the edit page shows the tree with retired marks and open counts, and the history newest first", async () => {
    const view = (await getPlanForEdit(A.hebei!, planId))!;
    const find = (code: string) => {
      const go = (n: typeof view.root): typeof view.root =>
        n?.code === code ? n : n?.children.map(go).find(Boolean);
      return go(view.root);
    };
    expect(find("HB2027.1.1.1")).toMatchObject({ retired: true, openTasks: 1 });
    expect(find("HB2027.2.1.1")).toMatchObject({ retired: true, openTasks: 0 });
    expect(find("HB2027.2.1.2")).toMatchObject({ retired: false, openTasks: 1 });
    expect(view.history[0]).toMatchObject({
      action: "retire",
      code: "HB2027.3.2.1",
      actorName: "河北省总工会督办员",
    });
    expect(view.history.at(-1)).toMatchObject({ action: "create", code: "HB2027" });
    expect(view.history.map((h) => h.action)).toEqual(expect.arrayContaining(["create", "rename", "retire"]));
  });
});
