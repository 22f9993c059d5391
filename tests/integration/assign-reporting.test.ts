import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, chinaToday, formatDay } from "@/lib/dates";
import { ZAssignTasks } from "@/features/tasks/schemas";
import { assignTasks } from "@/features/tasks/server/assign-tasks";
import { openDuePeriods } from "@/features/reporting/server/open-periods";
import { addMonths, monthStart } from "@/features/reporting/lib/dates";
import { seedAll } from "@/prisma/seed/seed-all";
import { loadActors, type TTestActor } from "../helpers/actors";
import { createTestDb, type TTestDb } from "../helpers/test-db";

// 下达 with 定期报送: the assignment and its batch rule are written together or not at all, and the
// rule's periods count the assignment's tasks (next month on: a task owes the periods that start
// after the day it was made).
let t: TTestDb;
let A: Record<string, TTestActor>;
const today = chinaToday();
const due = formatDay(addDays(today, 200));
const rule = { frequency: "MONTHLY", dueDay: "25", startDate: formatDay(today), endDate: due };
const org = (code: string) => t.db.org.findUniqueOrThrow({ where: { code } });

beforeAll(async () => {
  t = await createTestDb();
  await seedAll(t.db, { demoUsers: true });
  A = await loadActors(t.db);
});
afterAll(async () => t?.close());

describe("下达 with 定期报送", () => {
  it("the form's schema checks the rule like the plan page's (end after start, due day in range)", () => {
    const base = {
      clientToken: crypto.randomUUID(),
      dueDate: due,
      objectiveIds: [1],
      target: { mode: "orgs", orgIds: [2] },
    };
    expect(ZAssignTasks.safeParse({ ...base, reporting: rule }).success).toBe(true);
    const bad = ZAssignTasks.safeParse({
      ...base,
      reporting: { ...rule, endDate: formatDay(addDays(today, -1)) },
    });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["reporting.endDate", "endBeforeStart"],
    ]);
    const week = ZAssignTasks.safeParse({
      ...base,
      reporting: { ...rule, frequency: "WEEKLY", dueDay: "8" },
    });
    expect(week.error?.issues.map((i) => i.path.join("."))).toEqual(["reporting.dueDay"]);
  });

  it("creates a rule on the assignment's batch, set by the assigning federation, whose periods count its tasks", async () => {
    const M = await t.db.objective.findUniqueOrThrow({ where: { code: "3.6.1.2" } });
    const [hebei, sjz, ts] = await Promise.all([org("130000"), org("130100"), org("130200")]);
    const res = await assignTasks(
      A.hebei!,
      ZAssignTasks.parse({
        clientToken: crypto.randomUUID(),
        dueDate: due,
        objectiveIds: [M.id],
        target: { mode: "orgs", orgIds: [sjz.id, ts.id] },
        reporting: rule,
      }),
    );
    expect(res.created).toBe(2);
    const rules = await t.db.reportingRule.findMany({ where: { batchId: res.batchId } });
    expect(rules).toHaveLength(1);
    expect(rules[0]).toMatchObject({
      orgId: hebei.id,
      planId: null,
      objectiveId: null,
      frequency: "MONTHLY",
      dueDay: 25,
      retiredAt: null,
    });
    expect(formatDay(rules[0]!.startDate)).toBe(formatDay(today));
    expect(formatDay(rules[0]!.endDate)).toBe(due);
    const audit = await t.db.auditEvent.findFirst({
      where: { action: "reporting.rule", targetId: String(rules[0]!.id) },
    });
    expect(audit).not.toBeNull();

    // Next month's period: both tasks (made today) owe it. By hand: 石家庄 1, 唐山 1, 河北 2.
    const next = addMonths(monthStart(today), 1);
    await openDuePeriods(t.db, next);
    const period = await t.db.reportingPeriod.findFirstOrThrow({
      where: { ruleId: rules[0]!.id, startDate: next },
    });
    const due1 = async (orgId: number) =>
      (await t.db.reportingRollup.findUnique({ where: { orgId_periodId: { orgId, periodId: period.id } } }))
        ?.due;
    expect([await due1(sjz.id), await due1(ts.id), await due1(hebei.id)]).toEqual([1, 1, 2]);
  });

  it("an assignment that fails writes no rule either", async () => {
    const M = await t.db.objective.findUniqueOrThrow({ where: { code: "3.6.1.3" } });
    const before = await t.db.reportingRule.count();
    const outside = await org("420000"); // 湖北: outside 河北's subtree
    await expect(
      assignTasks(
        A.hebei!,
        ZAssignTasks.parse({
          clientToken: crypto.randomUUID(),
          dueDate: due,
          objectiveIds: [M.id],
          target: { mode: "orgs", orgIds: [outside.id] },
          reporting: rule,
        }),
      ),
    ).rejects.toThrow();
    expect(await t.db.reportingRule.count()).toBe(before);
    expect(await t.db.task.count({ where: { objectiveId: M.id } })).toBe(0);
  });
});
