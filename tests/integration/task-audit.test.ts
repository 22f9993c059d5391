import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZAssignTasks } from "@/features/tasks/schemas";
import { assignTasks } from "@/features/tasks/server/assign-tasks";
import { decideExtension } from "@/features/tasks/server/decide-extension";
import { requestExtension } from "@/features/tasks/server/request-extension";
import { reviewCompletion } from "@/features/tasks/server/review-completion";
import { signTask } from "@/features/tasks/server/sign-task";
import { submitCompletion } from "@/features/tasks/server/submit-completion";
import { addDays, chinaToday, formatDay } from "@/lib/dates";
import { seedAll } from "@/prisma/seed/seed-all";
import { codeOf, loadActors, type TTestActor } from "../helpers/actors";
import { createTestDb, type TTestDb } from "../helpers/test-db";

// Bulk 下达 (task.assign) and review decisions (task.review) land in the audit trail, in the
// same transaction as the change: a refused decision leaves no entry.
let t: TTestDb;
let A: Record<string, TTestActor>;
const due = formatDay(addDays(chinaToday(), 60));
const events = (action: string) => t.db.auditEvent.findMany({ where: { action }, orderBy: { id: "asc" } });
const current = (id: number) => t.db.task.findUniqueOrThrow({ where: { id } });

beforeAll(async () => {
  t = await createTestDb();
  await seedAll(t.db, { demoUsers: true });
  A = await loadActors(t.db);
});
afterAll(() => t.close());

describe("task audit events", () => {
  it("a bulk 下达 records one task.assign with the batch, the counts of orgs and tasks", async () => {
    const sub = await t.db.objective.findUniqueOrThrow({ where: { code: "3.3.1" } });
    const measures = await t.db.objective.count({
      where: { code: { startsWith: "3.3.1." }, level: "MEASURE" },
    });
    const sjz = await t.db.org.findUniqueOrThrow({ where: { code: "130100" } });
    const counties = await t.db.org.count({ where: { parentId: sjz.id, level: "COUNTY" } });
    const result = await assignTasks(
      A.hebei!,
      ZAssignTasks.parse({
        clientToken: crypto.randomUUID(),
        objectiveIds: [sub.id],
        target: { mode: "level", level: "COUNTY", underOrgId: sjz.id },
        dueDate: due,
      }),
    );
    const rows = await events("task.assign");
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actorId: A.hebei!.id,
      actorName: "hebei",
      outcome: "SUCCESS",
      targetType: "batch",
      targetId: String(result.batchId),
    });
    expect(rows[0]!.detail).toMatchObject({
      assignerOrgId: A.hebei!.orgId,
      measures,
      orgs: counties,
      tasks: measures * counties,
      skipped: 0,
    });
  });

  it("销号, 退办 and 延期 decisions record task.review; a refused decision records nothing", async () => {
    const zd = A["zhengding.chair"]!;
    const task = await t.db.task.findFirstOrThrow({ where: { orgId: zd.orgId }, orderBy: { id: "asc" } });
    await signTask(zd, { taskId: task.id, version: task.version });
    const submit = async () =>
      submitCompletion(zd, {
        taskId: task.id,
        version: (await current(task.id)).version,
        clientToken: crypto.randomUUID(),
        summary: "已全部完成并归档",
        attachmentIds: [],
      });
    await submit();
    const stale = (await current(task.id)).version;
    await reviewCompletion(A.hebei!, {
      taskId: task.id,
      version: stale,
      decision: "RETURNED",
      note: "材料不全",
    });
    // The same decision again on the version it saw: refused, and not audited.
    expect(
      await codeOf(reviewCompletion(A.hebei!, { taskId: task.id, version: stale, decision: "APPROVED" })),
    ).toBe("CONFLICT");
    await requestExtension(zd, {
      taskId: task.id,
      version: (await current(task.id)).version,
      clientToken: crypto.randomUUID(),
      toDue: formatDay(addDays(chinaToday(), 90)),
      reason: "需要补充材料",
    });
    const ext = await t.db.extensionRequest.findFirstOrThrow({ where: { taskId: task.id } });
    await decideExtension(A.hebei!, {
      taskId: task.id,
      version: (await current(task.id)).version,
      extensionId: ext.id,
      approve: true,
    });
    await submit();
    await reviewCompletion(A.hebei!, {
      taskId: task.id,
      version: (await current(task.id)).version,
      decision: "APPROVED",
    });
    const rows = await events("task.review");
    expect(rows.map((r) => [r.actorId, r.targetType, r.targetId, r.detail])).toEqual([
      [A.hebei!.id, "task", String(task.id), { review: "completion", decision: "RETURNED", orgId: zd.orgId }],
      [
        A.hebei!.id,
        "task",
        String(task.id),
        { review: "extension", extensionId: ext.id, decision: "APPROVED", orgId: zd.orgId },
      ],
      [A.hebei!.id, "task", String(task.id), { review: "completion", decision: "APPROVED", orgId: zd.orgId }],
    ]);
    expect((await current(task.id)).status).toBe("COMPLETED");
  });
});
