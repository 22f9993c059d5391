import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countUnread, listNotifications, markRead } from "@/features/notifications/server/list-notifications";
import { sweepReminders } from "@/features/notifications/server/sweep-reminders";
import { ZAssignTasks } from "@/features/tasks/schemas";
import { assignStaff } from "@/features/tasks/server/assign-staff";
import { assignTasks } from "@/features/tasks/server/assign-tasks";
import { signTask } from "@/features/tasks/server/sign-task";
import { seedAll } from "@/prisma/seed/seed-all";
import { loadActors, type TTestActor } from "../helpers/actors";
import { createTestDb, type TTestDb } from "../helpers/test-db";

let t: TTestDb;
let A: Record<string, TTestActor>;
const NOW = new Date("2027-03-10T04:00:00Z"); // 12:00 in China
const taskOf = (code: string) =>
  t.db.task.findFirstOrThrow({ where: { objective: { code }, org: { code: "130123" } } });

async function give(code: string, dueDate: string) {
  const m = await t.db.objective.findUniqueOrThrow({ where: { code } });
  const county = await t.db.org.findUniqueOrThrow({ where: { code: "130123" } });
  await assignTasks(
    A.hebei!,
    ZAssignTasks.parse({
      clientToken: crypto.randomUUID(),
      objectiveIds: [m.id],
      target: { mode: "orgs", orgIds: [county.id] },
      dueDate,
      allowPastDue: true,
    }),
    NOW,
  );
}

beforeAll(async () => {
  t = await createTestDb();
  await seedAll(t.db, { demoUsers: true });
  A = await loadActors(t.db);
  await give("3.3.2.1", "2027-03-12"); // due in 2 days
  await give("3.3.2.2", "2027-03-09"); // overdue since yesterday
  await give("3.3.2.3", "2027-03-20"); // due in 10 days
  await give("3.3.2.4", "2027-03-01"); // overdue but completed below
  const soon = await taskOf("3.3.2.1");
  await signTask(A["zhengding.chair"]!, { taskId: soon.id, version: soon.version });
  await assignStaff(A["zhengding.chair"]!, {
    taskId: soon.id,
    version: soon.version + 1,
    responsibleId: A["zhengding.staff"]!.id,
    helperIds: [],
  });
  await t.db.task.update({ where: { id: (await taskOf("3.3.2.4")).id }, data: { status: "COMPLETED" } });
});
afterAll(() => t.close());

describe("deadline reminders", () => {
  it("reminds the county's manager and chair, and the responsible person, once per due date", async () => {
    const first = await sweepReminders(t.db, NOW);
    expect(first).toEqual({ dueSoon: 3, overdue: 2 });
    const rows = await t.db.notification.findMany({
      where: { type: { in: ["DUE_SOON", "OVERDUE"] } },
      select: {
        type: true,
        task: { select: { objective: { select: { code: true } } } },
        user: { select: { username: true } },
      },
    });
    const seen = rows.map((r) => `${r.type} ${r.task!.objective.code} ${r.user.username}`).sort();
    expect(seen).toEqual([
      "DUE_SOON 3.3.2.1 zhengding",
      "DUE_SOON 3.3.2.1 zhengding.chair",
      "DUE_SOON 3.3.2.1 zhengding.staff",
      "OVERDUE 3.3.2.2 zhengding",
      "OVERDUE 3.3.2.2 zhengding.chair",
    ]);
    expect(await sweepReminders(t.db, NOW)).toEqual({ dueSoon: 0, overdue: 0 });
  });
});

describe("the notification centre", () => {
  it("each user sees, counts and marks only their own notifications", async () => {
    const chair = A["zhengding.chair"]!;
    const own = await t.db.notification.count({ where: { userId: chair.id } });
    expect(own).toBeGreaterThan(4);
    expect(await countUnread(chair)).toBe(own);
    const other = await t.db.notification.findFirstOrThrow({ where: { userId: A.zhengding!.id } });
    expect(await markRead(chair, [other.id])).toBeNull();
    expect((await t.db.notification.findUniqueOrThrow({ where: { id: other.id } })).readAt).toBeNull();
    expect((await listNotifications(A.wuhan!)).items).toHaveLength(0);

    const mine = await t.db.notification.findFirstOrThrow({
      where: { userId: chair.id },
      orderBy: { id: "asc" },
    });
    expect(await markRead(chair, [mine.id])).toMatchObject({ type: mine.type });
    expect(await countUnread(chair)).toBe(own - 1);
    expect((await listNotifications(chair, { unreadOnly: true })).items.map((n) => n.id)).not.toContain(
      mine.id,
    );
    await markRead(chair);
    expect(await countUnread(chair)).toBe(0);
  });

  it("paging returns every notification once, newest first", async () => {
    const user = A.zhengding!;
    for (let i = 0; i < 25; i++)
      await t.db.notification.create({
        data: { userId: user.id, type: "NUDGED", params: { objective: `t${i}`, from: "x", message: "" } },
      });
    const total = await t.db.notification.count({ where: { userId: user.id } });
    const ids: number[] = [];
    let cursor: number | undefined;
    do {
      const page = await listNotifications(user, { cursor });
      ids.push(...page.items.map((n) => n.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(ids).toHaveLength(total);
    expect(new Set(ids).size).toBe(total);
    expect([...ids].sort((a, b) => b - a)).toEqual(ids);
  });
});
