import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZAssignTasks } from "@/features/tasks/schemas";
import { assignStaff } from "@/features/tasks/server/assign-staff";
import { assignTasks } from "@/features/tasks/server/assign-tasks";
import { getTaskSummary } from "@/features/tasks/server/get-task-summary";
import { handBackTask } from "@/features/tasks/server/hand-back-task";
import { listMyTasks, listTasks } from "@/features/tasks/server/list-tasks";
import { listHandedBack, listSubmitted } from "@/features/tasks/server/review-queue";
import { signTask } from "@/features/tasks/server/sign-task";
import { submitCompletion } from "@/features/tasks/server/submit-completion";
import { addDays, chinaToday, formatDay } from "@/lib/dates";
import { seedAll } from "@/prisma/seed/seed-all";
import { loadActors, type TTestActor } from "../helpers/actors";
import { createTestDb, type TTestDb } from "../helpers/test-db";

// The 审核 queues hold the user's own org's work (tasks it assigned), and 我的任务 counts tasks
// the user is responsible for or helps with. Both were rewritten for speed at national size.
let t: TTestDb;
let A: Record<string, TTestActor>;
const ids: Record<string, number> = {};

async function assign(actor: TTestActor, code: string, orgCode: string): Promise<number> {
  const m = await t.db.objective.findUniqueOrThrow({ where: { code } });
  const org = await t.db.org.findUniqueOrThrow({ where: { code: orgCode } });
  await assignTasks(
    actor,
    ZAssignTasks.parse({
      clientToken: crypto.randomUUID(),
      objectiveIds: [m.id],
      target: { mode: "orgs", orgIds: [org.id] },
      dueDate: formatDay(addDays(chinaToday(), 90)),
    }),
  );
  return (await t.db.task.findFirstOrThrow({ where: { objectiveId: m.id, orgId: org.id } })).id;
}

const version = async (id: number) => (await t.db.task.findUniqueOrThrow({ where: { id } })).version;

beforeAll(async () => {
  t = await createTestDb();
  await seedAll(t.db, { demoUsers: true });
  A = await loadActors(t.db);
  ids.byProvince = await assign(A.hebei!, "3.3.1.1", "130123");
  ids.byCity = await assign(A.shijiazhuang!, "3.3.1.2", "130123");
  ids.backToProvince = await assign(A.hebei!, "3.3.1.3", "130123");
  const chair = A["zhengding.chair"]!;
  for (const [key, helperIds] of [
    ["byProvince", []],
    ["byCity", [A["zhengding.staff"]!.id]],
  ] as const) {
    const taskId = ids[key]!;
    await signTask(chair, { taskId, version: await version(taskId) });
    const responsibleId = key === "byProvince" ? A["zhengding.staff"]!.id : chair.id;
    await assignStaff(chair, {
      taskId,
      version: await version(taskId),
      responsibleId,
      helperIds: [...helperIds],
    });
  }
  for (const key of ["byProvince", "byCity"]) {
    const taskId = ids[key]!;
    await submitCompletion(chair, {
      taskId,
      version: await version(taskId),
      clientToken: crypto.randomUUID(),
      summary: "已按要求完成全部工作",
      attachmentIds: [],
    });
  }
  const back = ids.backToProvince!;
  await handBackTask(chair, { taskId: back, version: await version(back), reason: "由市里统一组织" });
});
afterAll(() => t.close());

describe("审核 queues: the org's own assignments", () => {
  it("the province sees what it assigned, not what the city below assigned", async () => {
    expect((await listSubmitted(A.hebei!)).items.map((x) => x.id)).toEqual([ids.byProvince]);
    expect((await listSubmitted(A.shijiazhuang!)).items.map((x) => x.id)).toEqual([ids.byCity]);
    expect((await listSubmitted(A.zhengding!)).items).toEqual([]);
    // The queue shows each task's stored warning light (the page's badge): a submitted open task has one.
    const [row] = (await listSubmitted(A.hebei!)).items;
    const stored = await t.db.task.findUniqueOrThrow({ where: { id: ids.byProvince! } });
    expect(stored.light).not.toBeNull();
    expect(row!.light).toBe(stored.light);
    expect((await listHandedBack(A.hebei!)).items.map((x) => x.id)).toEqual([ids.backToProvince]);
    expect((await listHandedBack(A.shijiazhuang!)).items).toEqual([]);
  });

  it("both submissions stay in the province's task list filtered by status (the page's link)", async () => {
    const listed = await listTasks(A.hebei!, { status: "SUBMITTED" });
    expect(listed.items.map((x) => x.id).sort()).toEqual([ids.byProvince, ids.byCity].sort());
  });
});

describe("我的任务: responsible or helping", () => {
  it("counts and lists a task the user only helps with", async () => {
    const staff = A["zhengding.staff"]!;
    // Both submitted tasks: responsible for one, helper on the other.
    expect((await listMyTasks(staff, true)).map((x) => x.id).sort()).toEqual(
      [ids.byProvince, ids.byCity].sort(),
    );
    expect((await listTasks(staff, { mine: "1" })).items.map((x) => x.id).sort()).toEqual(
      [ids.byProvince, ids.byCity].sort(),
    );
    // Submitted tasks are no longer open work: the home page's count is 0, and 1 once one is open.
    expect((await getTaskSummary(staff)).mine).toBe(0);
    await t.db.task.update({ where: { id: ids.byCity }, data: { status: "IN_PROGRESS" } });
    expect((await getTaskSummary(staff)).mine).toBe(1);
  });
});
