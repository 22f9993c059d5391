import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZAssignTasks, ZReview } from "@/features/tasks/schemas";
import { assignStaff } from "@/features/tasks/server/assign-staff";
import { assignTasks } from "@/features/tasks/server/assign-tasks";
import { cancelTask } from "@/features/tasks/server/cancel-task";
import { decideExtension } from "@/features/tasks/server/decide-extension";
import { handBackTask } from "@/features/tasks/server/hand-back-task";
import { reassignTask } from "@/features/tasks/server/reassign-task";
import { requestExtension } from "@/features/tasks/server/request-extension";
import { listExtensions } from "@/features/tasks/server/review-queue";
import { reviewCompletion } from "@/features/tasks/server/review-completion";
import { signTask } from "@/features/tasks/server/sign-task";
import { submitCompletion } from "@/features/tasks/server/submit-completion";
import { addDays, chinaToday, formatDay } from "@/lib/dates";
import { seedAll } from "@/prisma/seed/seed-all";
import { loadActors, type TTestActor } from "../helpers/actors";
import { createTestDb, type TTestDb } from "../helpers/test-db";

// Notifications that ask for something are marked read for every recipient once it is done.

let t: TTestDb;
let A: Record<string, TTestActor>;
const token = () => crypto.randomUUID();
const DUE = formatDay(addDays(chinaToday(), 90));
const task = (code: string, orgCode = "130123") =>
  t.db.task.findFirstOrThrow({ where: { objective: { code }, org: { code: orgCode } } });

/** "username type" of every unread notification of these kinds, sorted. */
async function unread(types: string[]): Promise<string[]> {
  const rows = await t.db.notification.findMany({
    where: { readAt: null, type: { in: types as never } },
    select: { type: true, user: { select: { username: true } } },
  });
  return rows.map((r) => `${r.user.username} ${r.type}`).sort();
}

async function assign(codes: string[], orgCodes: string[]) {
  const objectives = await t.db.objective.findMany({ where: { code: { in: codes } } });
  const orgs = await t.db.org.findMany({ where: { code: { in: orgCodes } } });
  await assignTasks(
    A.hebei!,
    ZAssignTasks.parse({
      clientToken: token(),
      objectiveIds: objectives.map((o) => o.id),
      target: { mode: "orgs", orgIds: orgs.map((o) => o.id) },
      dueDate: DUE,
    }),
  );
}

beforeAll(async () => {
  t = await createTestDb();
  await seedAll(t.db, { demoUsers: true });
  // A second reviewer in 河北省总工会 and a recipient in another county of the same batch.
  const add = async (username: string, orgCode: string) => {
    const org = await t.db.org.findUniqueOrThrow({ where: { code: orgCode } });
    await t.db.user.create({
      data: { username, name: username, passwordHash: "x", role: "MANAGER", orgId: org.id },
    });
  };
  await add("hebei2", "130000");
  await add("changan", "130102");
  A = await loadActors(t.db);
});
afterAll(() => t.close());

describe("a 下达 batch's 新任务 notification", () => {
  it("is read for every recipient of an org once the org has signed all its tasks of the batch", async () => {
    await assign(["3.3.2.1", "3.3.2.2"], ["130123", "130102"]);
    const all = ["changan NEW_TASKS", "zhengding NEW_TASKS", "zhengding.chair NEW_TASKS"];
    expect(await unread(["NEW_TASKS"])).toEqual(all);

    const a = await task("3.3.2.1");
    await signTask(A["zhengding.chair"]!, { taskId: a.id, version: a.version });
    expect(await unread(["NEW_TASKS"])).toEqual(all); // 3.3.2.2 still waits

    const b = await task("3.3.2.2");
    await signTask(A.zhengding!, { taskId: b.id, version: b.version });
    expect(await unread(["NEW_TASKS"])).toEqual(["changan NEW_TASKS"]); // the other county has not signed
  });
});

describe("a completion report's notification", () => {
  it("is read for both reviewers once reviewed; 退办 is read once reported again", async () => {
    const a = await task("3.3.2.1");
    await assignStaff(A["zhengding.chair"]!, {
      taskId: a.id,
      version: a.version,
      responsibleId: A["zhengding.staff"]!.id,
      helperIds: [],
    });
    const submit = async () => {
      const cur = await task("3.3.2.1");
      const input = { taskId: cur.id, version: cur.version, clientToken: token(), attachmentIds: [] };
      await submitCompletion(A["zhengding.chair"]!, { ...input, summary: "已经完成任务" });
    };
    const review = async (decision: "APPROVED" | "RETURNED") => {
      const cur = await task("3.3.2.1");
      const input = { taskId: cur.id, version: cur.version, decision, note: "补充材料" };
      await reviewCompletion(A.hebei2!, ZReview.parse(input));
    };
    await submit();
    expect(await unread(["SUBMITTED"])).toEqual(["hebei SUBMITTED", "hebei2 SUBMITTED"]);
    await review("RETURNED");
    expect(await unread(["SUBMITTED"])).toEqual([]);
    const returned = ["zhengding RETURNED", "zhengding.chair RETURNED", "zhengding.staff RETURNED"];
    expect(await unread(["RETURNED"])).toEqual(returned);

    await submit();
    expect(await unread(["RETURNED", "SUBMITTED"])).toEqual(["hebei SUBMITTED", "hebei2 SUBMITTED"]);
    await review("APPROVED");
    expect(await unread(["SUBMITTED"])).toEqual([]);
    // Telling people about the decision asks nothing: those stay unread, as does the staff assignment.
    expect(await unread(["APPROVED", "STAFF_ASSIGNED"])).toEqual([
      "zhengding APPROVED",
      "zhengding.chair APPROVED",
      "zhengding.staff APPROVED",
      "zhengding.staff STAFF_ASSIGNED",
    ]);
  });
});

describe("hand back, send again, withdraw and extensions", () => {
  it("each answers the notification that asked for it, for every recipient", async () => {
    await assign(["3.3.2.3"], ["130123"]);
    let c = await task("3.3.2.3");
    await handBackTask(A["zhengding.chair"]!, {
      taskId: c.id,
      version: c.version,
      reason: "不属于本单位职责",
    });
    expect(await unread(["HANDED_BACK"])).toEqual(["hebei HANDED_BACK", "hebei2 HANDED_BACK"]);
    expect(await unread(["NEW_TASKS"])).toEqual(["changan NEW_TASKS"]); // the batch of 3.3.2.3 is answered

    c = await task("3.3.2.3");
    await reassignTask(A.hebei!, { taskId: c.id, version: c.version, note: "请再研究" });
    expect(await unread(["HANDED_BACK"])).toEqual([]);
    expect(await unread(["NEW_TASKS"])).toEqual([
      "changan NEW_TASKS",
      "zhengding NEW_TASKS",
      "zhengding.chair NEW_TASKS",
    ]);
    c = await task("3.3.2.3");
    await cancelTask(A.hebei!, { taskId: c.id, version: c.version, reason: "任务调整" });
    expect(await unread(["NEW_TASKS"])).toEqual(["changan NEW_TASKS"]);

    const b = await task("3.3.2.2");
    const { extensionId } = await requestExtension(A["zhengding.chair"]!, {
      taskId: b.id,
      version: b.version,
      clientToken: token(),
      toDue: formatDay(addDays(chinaToday(), 120)),
      reason: "需要更多时间",
    });
    const asked = ["hebei EXTENSION_REQUESTED", "hebei2 EXTENSION_REQUESTED"];
    expect(await unread(["EXTENSION_REQUESTED"])).toEqual(asked);
    const b2 = await task("3.3.2.2");
    await decideExtension(A.hebei!, { taskId: b2.id, version: b2.version, extensionId, approve: false });
    expect(await unread(["EXTENSION_REQUESTED"])).toEqual([]);

    // 撤销 closes a pending 延期申请 with the task: it leaves the reviewer's queue.
    const d = await task("3.3.2.2");
    const asked2 = await requestExtension(A["zhengding.chair"]!, {
      taskId: d.id,
      version: d.version,
      clientToken: token(),
      toDue: formatDay(addDays(chinaToday(), 150)),
      reason: "还需要时间",
    });
    expect((await listExtensions(A.hebei!)).items.map((x) => x.id)).toEqual([asked2.extensionId]);
    const d2 = await task("3.3.2.2");
    await cancelTask(A.hebei!, { taskId: d2.id, version: d2.version, reason: "任务调整" });
    const closed = await t.db.extensionRequest.findUniqueOrThrow({ where: { id: asked2.extensionId } });
    expect(closed.status).toBe("REJECTED");
    expect((await listExtensions(A.hebei!)).items).toEqual([]);
  });
});
