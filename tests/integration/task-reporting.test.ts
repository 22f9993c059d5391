import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, chinaToday, formatDay } from "@/lib/dates";
import { ZAssignTasks } from "@/features/tasks/schemas";
import { assignTasks } from "@/features/tasks/server/assign-tasks";
import { logProgress } from "@/features/tasks/server/log-progress";
import { signTask } from "@/features/tasks/server/sign-task";
import { openDuePeriods } from "@/features/reporting/server/open-periods";
import { closeDuePeriods } from "@/features/reporting/server/close-period";
import { readTaskReporting } from "@/features/reporting/server/read-task-reporting";
import { addMonths, monthStart } from "@/features/reporting/lib/dates";
import { seedAll } from "@/prisma/seed/seed-all";
import { loadActors, type TTestActor } from "../helpers/actors";
import { createTestDb, type TTestDb } from "../helpers/test-db";

// The task page's 定期报送 card, worked out by hand. 正定 gives a measure to 恒达 and 润丰 with a
// monthly rule due on the 10th, made (backdated) on the first of the month before last: periods
// P1 (month before last), P2 (last month), P3 (this month). 恒达 reports P1 on the 5th (on time)
// and P2 on the 20th (late); 润丰 never reports. After the calendar has run to today, 恒达's card
// lists P3 待报送, P2 迟报, P1 按时 and 润丰's P3 待报送, P2 漏报, P1 漏报; a task of another measure
// has no card.
let t: TTestDb;
let A: Record<string, TTestActor>;
const today = chinaToday();
const p1 = addMonths(monthStart(today), -2);
const p2 = addMonths(monthStart(today), -1);
const p3 = monthStart(today);
const noon = (d: Date) => new Date(d.getTime() + 4 * 3_600_000);
const org = (code: string) => t.db.org.findUniqueOrThrow({ where: { code } });

beforeAll(async () => {
  t = await createTestDb();
  await seedAll(t.db, { demoUsers: true });
  A = await loadActors(t.db);
});
afterAll(async () => t?.close());

describe("a task's 定期报送 card", () => {
  it("lists the rule and the task's periods newest first with 按时 / 迟报 / 漏报 / 待报送", async () => {
    const [hengda, runfeng] = await Promise.all([org("1301230001"), org("1301230004")]);
    const [M, other] = await Promise.all([
      t.db.objective.findUniqueOrThrow({ where: { code: "3.6.1.4" } }),
      t.db.objective.findUniqueOrThrow({ where: { code: "3.6.1.5" } }),
    ]);
    const assign = (objectiveId: number, reporting?: object) =>
      assignTasks(
        A.zhengding!,
        ZAssignTasks.parse({
          clientToken: crypto.randomUUID(),
          dueDate: formatDay(addDays(today, 90)),
          objectiveIds: [objectiveId],
          target: { mode: "orgs", orgIds: [hengda.id, runfeng.id] },
          reporting,
        }),
      );
    const res = await assign(M.id, {
      frequency: "MONTHLY",
      dueDay: "10",
      startDate: formatDay(p1),
      endDate: formatDay(addDays(today, 90)),
    });
    await assign(other.id);
    // Back in time: the rule made on P1's first day, the tasks the day before.
    await t.db.reportingRule.updateMany({ where: { batchId: res.batchId }, data: { createdAt: noon(p1) } });
    await t.db.task.updateMany({
      where: { batchId: res.batchId },
      data: { createdAt: noon(addDays(p1, -1)) },
    });
    const taskOf = (orgId: number, objectiveId = M.id) =>
      t.db.task.findFirstOrThrow({ where: { objectiveId, orgId } });
    const h = await taskOf(hengda.id);
    await signTask(A["hengda.chair"]!, { taskId: h.id, version: h.version }, noon(p1));
    const report = async (at: Date) => {
      const x = await taskOf(hengda.id);
      await logProgress(
        A["hengda.chair"]!,
        {
          taskId: x.id,
          version: x.version,
          clientToken: crypto.randomUUID(),
          percent: 10,
          state: "NORMAL",
          narrative: "月报",
          attachmentIds: [],
        },
        at,
      );
    };
    await openDuePeriods(t.db, p1);
    await report(noon(addDays(p1, 4))); // the 5th: on time
    await closeDuePeriods(t.db, p2);
    await openDuePeriods(t.db, p2);
    await report(noon(addDays(p2, 19))); // the 20th: late
    await closeDuePeriods(t.db, p3);
    await openDuePeriods(t.db, today);

    const periods = await t.db.reportingPeriod.findMany({
      where: { rule: { batchId: res.batchId } },
      orderBy: { startDate: "desc" },
    });
    expect(periods.map((p) => formatDay(p.startDate))).toEqual([p3, p2, p1].map(formatDay));
    const [id3, id2, id1] = periods.map((p) => p.id);

    const card = async (orgId: number, objectiveId = M.id) => {
      const x = await taskOf(orgId, objectiveId);
      const r = await readTaskReporting(t.db, { id: x.id, objectiveId: x.objectiveId });
      return {
        rules: r.rules.map((x) => [x.frequency, x.dueDay, formatDay(x.startDate), x.orgName]),
        periods: r.periods.map((p) => [p.id, p.status]),
      };
    };
    const rule = [["MONTHLY", 10, formatDay(p1), "正定县总工会"]];
    expect(await card(hengda.id)).toEqual({
      rules: rule,
      periods: [
        [id3, "PENDING"],
        [id2, "LATE"],
        [id1, "ON_TIME"],
      ],
    });
    expect(await card(runfeng.id)).toEqual({
      rules: rule,
      periods: [
        [id3, "PENDING"],
        [id2, "MISSING"],
        [id1, "MISSING"],
      ],
    });
    // Another measure of the same org, not covered by the batch rule: nothing.
    expect(await card(hengda.id, other.id)).toEqual({ rules: [], periods: [] });

    // A task that is done owes nothing more: an open period it did not report in is left out.
    await t.db.task.update({ where: { id: (await taskOf(runfeng.id)).id }, data: { status: "COMPLETED" } });
    expect((await card(runfeng.id)).periods).toEqual([
      [id2, "MISSING"],
      [id1, "MISSING"],
    ]);
  });
});
