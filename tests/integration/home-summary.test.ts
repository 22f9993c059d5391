import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZAssignTasks } from "@/features/tasks/schemas";
import { assignStaff } from "@/features/tasks/server/assign-staff";
import { assignTasks } from "@/features/tasks/server/assign-tasks";
import { getTaskSummary } from "@/features/tasks/server/get-task-summary";
import { signTask } from "@/features/tasks/server/sign-task";
import { submitCompletion } from "@/features/tasks/server/submit-completion";
import { addDays, chinaToday, formatDay } from "@/lib/dates";
import { seedAll } from "@/prisma/seed/seed-all";
import { loadActors, type TTestActor } from "../helpers/actors";
import { createTestDb, type TTestDb } from "../helpers/test-db";

let t: TTestDb;
let A: Record<string, TTestActor>;
const task = (code: string) =>
  t.db.task.findFirstOrThrow({ where: { objective: { code }, org: { code: "130123" } } });
const mine = async (username: string) => (await getTaskSummary(A[username]!)).mine;

beforeAll(async () => {
  t = await createTestDb();
  await seedAll(t.db, { demoUsers: true });
  A = await loadActors(t.db);
  const county = await t.db.org.findUniqueOrThrow({ where: { code: "130123" } });
  const measures = await t.db.objective.findMany({ where: { code: { in: ["3.3.2.1", "3.3.2.2"] } } });
  await assignTasks(
    A.hebei!,
    ZAssignTasks.parse({
      clientToken: crypto.randomUUID(),
      objectiveIds: measures.map((m) => m.id),
      target: { mode: "orgs", orgIds: [county.id] },
      dueDate: formatDay(addDays(chinaToday(), 60)),
    }),
  );
});
afterAll(() => t.close());

describe("我的待办 on the home page", () => {
  it("counts what the user's org must sign, what the user works on, and what the org must review", async () => {
    // Two tasks wait for 正定县's signature: its chair and manager may sign, its staff may not.
    expect(await getTaskSummary(A["zhengding.chair"]!)).toMatchObject({ toSign: 2, mine: 2 });
    expect(await mine("zhengding")).toBe(2);
    expect(await mine("zhengding.staff")).toBe(0);
    expect(await mine("hebei")).toBe(0);
    expect(await mine("hengda.chair")).toBe(0);

    // The chair signs one and gives it to the staff member: the chair still has one to sign.
    const a = await task("3.3.2.1");
    await signTask(A["zhengding.chair"]!, { taskId: a.id, version: a.version });
    await assignStaff(A["zhengding.chair"]!, {
      taskId: a.id,
      version: a.version + 1,
      responsibleId: A["zhengding.staff"]!.id,
      helperIds: [],
    });
    expect(await mine("zhengding.chair")).toBe(1);
    expect(await mine("zhengding.staff")).toBe(1);

    // Reported complete: it leaves the staff member's list and waits for 河北's review.
    await submitCompletion(A["zhengding.chair"]!, {
      taskId: a.id,
      version: a.version + 2,
      clientToken: crypto.randomUUID(),
      summary: "已经完成任务",
      attachmentIds: [],
    });
    expect(await mine("zhengding.staff")).toBe(0);
    expect(await getTaskSummary(A.hebei!)).toMatchObject({ toReview: 1, mine: 1 });
    // Reviewing is 河北's own org's queue, not every org above it.
    expect(await mine("acftu")).toBe(0);
  });
});
