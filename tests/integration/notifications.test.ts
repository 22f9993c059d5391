import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countUnread, listNotifications, markRead } from "@/features/notifications/server/list-notifications";
import { sweepReminders } from "@/features/notifications/server/sweep-reminders";
import { ZAssignTasks } from "@/features/tasks/schemas";
import { assignStaff } from "@/features/tasks/server/assign-staff";
import { assignTasks } from "@/features/tasks/server/assign-tasks";
import { handBackTask } from "@/features/tasks/server/hand-back-task";
import { nudgeTask } from "@/features/tasks/server/nudge-comment";
import { reassignTask } from "@/features/tasks/server/reassign-task";
import { signTask } from "@/features/tasks/server/sign-task";
import { DEFAULT_ROLE_PERMISSIONS, ROLES, type TRole } from "@/lib/auth/permissions";
import { addDays, chinaToday, formatDay } from "@/lib/dates";
import type { Prisma } from "@/lib/generated/prisma/client";
import { seedAll } from "@/prisma/seed/seed-all";
import { loadActors, type TTestActor } from "../helpers/actors";
import { createTestDb, type TTestDb } from "../helpers/test-db";

let t: TTestDb;
let A: Record<string, TTestActor>;
const NOW = new Date();
const day = (days: number) => formatDay(addDays(chinaToday(NOW), days));
const taskOf = (code: string) =>
  t.db.task.findFirstOrThrow({ where: { objective: { code }, org: { code: "130123" } } });

async function give(code: string, dueDate: string): Promise<void> {
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

/** Roles granted notification:receiveOrg by the migrations alone, before any seed. */
let grantedByMigration: string[] = [];

beforeAll(async () => {
  t = await createTestDb();
  grantedByMigration = (
    await t.db.rolePermission.findMany({ where: { permission: "notification:receiveOrg" } })
  ).map((r) => r.role);
  await seedAll(t.db, { demoUsers: true });
  A = await loadActors(t.db);
  await give("3.3.2.1", day(2)); // due in 2 days
  await give("3.3.2.2", day(-1)); // overdue since yesterday
  await give("3.3.2.3", day(10)); // due in 10 days
  await give("3.3.2.4", day(-9)); // overdue but completed below
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
    // Unread only: the 新任务 notification of the batch the chair signed is already answered (read).
    const own = await t.db.notification.count({ where: { userId: chair.id, readAt: null } });
    expect(own).toBeGreaterThan(4);
    expect(await countUnread(chair)).toBe(own);
    const other = await t.db.notification.findFirstOrThrow({
      where: { userId: A.zhengding!.id, readAt: null },
    });
    expect(await markRead(chair, [other.id])).toBeNull();
    expect((await t.db.notification.findUniqueOrThrow({ where: { id: other.id } })).readAt).toBeNull();
    expect((await listNotifications(A.wuhan!)).items).toHaveLength(0);

    const mine = await t.db.notification.findFirstOrThrow({
      where: { userId: chair.id, readAt: null },
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

describe("who receives an org's notifications: a permission, not a role name", () => {
  const PERMISSION = "notification:receiveOrg";
  const grant = (role: TRole) => t.db.rolePermission.create({ data: { role, permission: PERMISSION } });
  const revoke = (role: TRole) => t.db.rolePermission.deleteMany({ where: { role, permission: PERMISSION } });
  let measures: { id: number; code: string }[] = [];
  let next = 0;

  /** Usernames notified with `type` by `act`, sorted. */
  async function recipientsOf(type: Prisma.NotificationWhereInput["type"], act: () => Promise<unknown>) {
    const before = (await t.db.notification.aggregate({ _max: { id: true } }))._max.id ?? 0;
    await act();
    const rows = await t.db.notification.findMany({
      where: { id: { gt: before }, type },
      select: { user: { select: { username: true } } },
    });
    return rows.map((r) => r.user.username).sort();
  }
  /** A new measure given to 正定县 (NEW_TASKS), due tomorrow; returns its task. */
  async function newTask(): Promise<{ recipients: string[]; taskId: number }> {
    const m = measures[next++]!;
    const recipients = await recipientsOf("NEW_TASKS", () => give(m.code, day(1)));
    return { recipients, taskId: (await taskOf(m.code)).id };
  }
  const nudged = (taskId: number) => recipientsOf("NUDGED", () => nudgeTask(A.hebei!, { taskId }));
  /** Handed back by the county and sent again by the province: NEW_TASKS through the one-statement change. */
  const sentAgain = async (taskId: number) => {
    const tk = await t.db.task.findUniqueOrThrow({ where: { id: taskId } });
    await handBackTask(A["zhengding.chair"]!, { taskId, version: tk.version, reason: "不属于本级职责" });
    return recipientsOf("NEW_TASKS", () => reassignTask(A.hebei!, { taskId, version: tk.version + 1 }));
  };
  const reminded = async (taskId: number) => {
    const before = (await t.db.notification.aggregate({ _max: { id: true } }))._max.id ?? 0;
    await sweepReminders(t.db, NOW);
    const rows = await t.db.notification.findMany({
      where: { id: { gt: before }, taskId, type: "DUE_SOON" },
      select: { user: { select: { username: true } } },
    });
    return rows.map((r) => r.user.username).sort();
  };

  beforeAll(async () => {
    measures = await t.db.objective.findMany({
      where: { level: "MEASURE", code: { startsWith: "3.5." } },
      orderBy: { code: "asc" },
      take: 3,
      select: { id: true, code: true },
    });
  });

  it("the migration grants it to the roles the defaults name (managers and chairs)", () => {
    const defaults = ROLES.filter((r) =>
      (DEFAULT_ROLE_PERMISSIONS[r] as readonly string[]).includes(PERMISSION),
    );
    expect(defaults).toEqual(["MANAGER", "CHAIR"]);
    expect([...grantedByMigration].sort()).toEqual([...defaults].sort());
  });

  it("a role without it receives nothing; granting the row makes it a recipient at once", async () => {
    try {
      // Defaults: the county's manager and chair, not its staff.
      const a = await newTask();
      const both = ["zhengding", "zhengding.chair"];
      expect(a.recipients).toEqual(both);
      expect(await nudged(a.taskId)).toEqual(both);
      expect(await reminded(a.taskId)).toEqual(both);
      expect(await sentAgain(a.taskId)).toEqual(both);

      // The chair's role loses it: the chair receives nothing, by the same role name as before.
      await revoke("CHAIR");
      const b = await newTask();
      expect(b.recipients).toEqual(["zhengding"]);
      expect(await nudged(b.taskId)).toEqual(["zhengding"]);
      expect(await reminded(b.taskId)).toEqual(["zhengding"]);
      expect(await sentAgain(b.taskId)).toEqual(["zhengding"]);

      // Staff gains it: every active staff member of the org receives, in every path.
      await grant("STAFF");
      const c = await newTask();
      expect(c.recipients).toEqual(["zhengding", "zhengding.staff"]);
      expect(await nudged(c.taskId)).toEqual(["zhengding", "zhengding.staff"]);
      expect(await reminded(c.taskId)).toEqual(["zhengding", "zhengding.staff"]);
      expect(await sentAgain(c.taskId)).toEqual(["zhengding", "zhengding.staff"]);
    } finally {
      await revoke("STAFF");
      await t.db.rolePermission.createMany({
        data: [{ role: "CHAIR", permission: PERMISSION }],
        skipDuplicates: true,
      });
    }
  });
});
