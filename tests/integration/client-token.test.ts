import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZAssignTasks } from "@/features/tasks/schemas";
import { assignTasks } from "@/features/tasks/server/assign-tasks";
import { logProgress } from "@/features/tasks/server/log-progress";
import { requestExtension } from "@/features/tasks/server/request-extension";
import { signTask } from "@/features/tasks/server/sign-task";
import { submitCompletion } from "@/features/tasks/server/submit-completion";
import { addDays, chinaToday, formatDay } from "@/lib/dates";
import { seedAll } from "@/prisma/seed/seed-all";
import { codeOf, loadActors, type TTestActor } from "../helpers/actors";
import { createTestDb, type TTestDb } from "../helpers/test-db";

// Finding 11: a client token belongs to its user and task. Replaying another region's token never
// returns that region's record ids, and concurrent duplicates all answer with the first result.
let t: TTestDb;
let A: Record<string, TTestActor>;
let measures: number[] = [];
const due = formatDay(addDays(chinaToday(), 60));

/** A signed (办理中) task of the next unused measure for the chair's org, assigned by `by`. */
async function openTask(by: string, chair: string): Promise<{ id: number; version: number }> {
  const objectiveId = measures.shift()!;
  await assignTasks(
    A[by]!,
    ZAssignTasks.parse({
      clientToken: crypto.randomUUID(),
      objectiveIds: [objectiveId],
      target: { mode: "orgs", orgIds: [A[chair]!.orgId] },
      dueDate: due,
    }),
  );
  const task = await t.db.task.findFirstOrThrow({ where: { objectiveId, orgId: A[chair]!.orgId } });
  await signTask(A[chair]!, { taskId: task.id, version: task.version });
  return t.db.task.findUniqueOrThrow({ where: { id: task.id }, select: { id: true, version: true } });
}

beforeAll(async () => {
  t = await createTestDb();
  await seedAll(t.db, { demoUsers: true });
  A = await loadActors(t.db);
  measures = (
    await t.db.objective.findMany({ where: { level: "MEASURE" }, orderBy: { id: "asc" }, take: 20 })
  ).map((m) => m.id);
});
afterAll(() => t.close());

describe("client tokens are scoped to (user, task)", () => {
  it("another region replaying a 办结 / 延期 / 进展 token gets CONFLICT, not the first region's record", async () => {
    const hebeiTask = await openTask("hebei", "zhengding.chair");
    const report = crypto.randomUUID();
    const first = await submitCompletion(A["zhengding.chair"]!, {
      taskId: hebeiTask.id,
      version: hebeiTask.version,
      clientToken: report,
      summary: "已全部完成并归档",
      attachmentIds: [],
    });
    const hubeiTask = await openTask("hubei", "wuchang.chair");
    expect(
      await codeOf(
        submitCompletion(A["wuchang.chair"]!, {
          taskId: hubeiTask.id,
          version: hubeiTask.version,
          clientToken: report,
          summary: "武昌的办结报告",
          attachmentIds: [],
        }),
      ),
    ).toBe("CONFLICT");
    // Nothing was written for 武昌, and the first report is untouched.
    expect(await t.db.completionReport.count({ where: { taskId: hubeiTask.id } })).toBe(0);
    expect((await t.db.task.findUniqueOrThrow({ where: { id: hubeiTask.id } })).status).toBe("IN_PROGRESS");
    expect(await t.db.completionReport.findUniqueOrThrow({ where: { id: first.reportId } })).toMatchObject({
      taskId: hebeiTask.id,
      summary: "已全部完成并归档",
    });

    const hebei2 = await openTask("hebei", "zhengding.chair");
    const ext = crypto.randomUUID();
    await requestExtension(A["zhengding.chair"]!, {
      taskId: hebei2.id,
      version: hebei2.version,
      clientToken: ext,
      toDue: formatDay(addDays(chinaToday(), 90)),
      reason: "需要更多时间",
    });
    const hubei2 = await openTask("hubei", "wuchang.chair");
    expect(
      await codeOf(
        requestExtension(A["wuchang.chair"]!, {
          taskId: hubei2.id,
          version: hubei2.version,
          clientToken: ext,
          toDue: formatDay(addDays(chinaToday(), 90)),
          reason: "武昌也要延期",
        }),
      ),
    ).toBe("CONFLICT");
    expect(await t.db.extensionRequest.count({ where: { taskId: hubei2.id } })).toBe(0);

    const progress = crypto.randomUUID();
    await logProgress(A["zhengding.chair"]!, {
      taskId: hebei2.id,
      version: (await t.db.task.findUniqueOrThrow({ where: { id: hebei2.id } })).version,
      clientToken: progress,
      percent: 40,
      state: "NORMAL",
      narrative: "正定进展",
      attachmentIds: [],
    });
    expect(
      await codeOf(
        logProgress(A["wuchang.chair"]!, {
          taskId: hubei2.id,
          version: hubei2.version,
          clientToken: progress,
          percent: 10,
          state: "NORMAL",
          narrative: "武昌进展",
          attachmentIds: [],
        }),
      ),
    ).toBe("CONFLICT");
    expect(await t.db.progressUpdate.count({ where: { taskId: hubei2.id } })).toBe(0);
  });

  it("the same user's token on another of its tasks is CONFLICT too", async () => {
    const a = await openTask("hebei", "zhengding.chair");
    const b = await openTask("hebei", "zhengding.chair");
    const token = crypto.randomUUID();
    const input = { clientToken: token, summary: "已全部完成并归档", attachmentIds: [] };
    await submitCompletion(A["zhengding.chair"]!, { ...input, taskId: a.id, version: a.version });
    expect(
      await codeOf(submitCompletion(A["zhengding.chair"]!, { ...input, taskId: b.id, version: b.version })),
    ).toBe("CONFLICT");
  });

  it.runIf(!!process.env.TEST_DATABASE_URL)(
    "twenty concurrent duplicates of 办结 and of 延期 all answer with the first record (PostgreSQL)",
    async () => {
      const task = await openTask("hebei", "zhengding.chair");
      const token = crypto.randomUUID();
      const submits = await Promise.allSettled(
        Array.from({ length: 20 }, () =>
          submitCompletion(A["zhengding.chair"]!, {
            taskId: task.id,
            version: task.version,
            clientToken: token,
            summary: "并发提交的办结报告",
            attachmentIds: [],
          }),
        ),
      );
      const reports = await t.db.completionReport.findMany({ where: { taskId: task.id } });
      expect(reports).toHaveLength(1);
      expect(submits.map((r) => (r.status === "fulfilled" ? r.value : r.reason))).toEqual(
        Array(20).fill({ reportId: reports[0]!.id }),
      );

      const task2 = await openTask("hebei", "zhengding.chair");
      const token2 = crypto.randomUUID();
      const requests = await Promise.allSettled(
        Array.from({ length: 20 }, () =>
          requestExtension(A["zhengding.chair"]!, {
            taskId: task2.id,
            version: task2.version,
            clientToken: token2,
            toDue: formatDay(addDays(chinaToday(), 120)),
            reason: "并发申请延期",
          }),
        ),
      );
      const exts = await t.db.extensionRequest.findMany({ where: { taskId: task2.id } });
      expect(exts).toHaveLength(1);
      expect(requests.map((r) => (r.status === "fulfilled" ? r.value : r.reason))).toEqual(
        Array(20).fill({ extensionId: exts[0]!.id }),
      );
    },
  );
});
