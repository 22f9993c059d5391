import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, chinaToday, formatDay } from "@/lib/dates";
import { AppError } from "@/lib/errors";
import { ZAssignTasks } from "@/features/tasks/schemas";
import { assignTasks } from "@/features/tasks/server/assign-tasks";
import { logProgress } from "@/features/tasks/server/log-progress";
import { signTask } from "@/features/tasks/server/sign-task";
import { relightAssignedBy, relightTasks } from "@/features/lights/server/relight";
import { relightDaily } from "@/features/lights/server/relight-daily";
import { lightDrift, readMaintainedLights, recomputeLights } from "@/features/lights/server/recompute-lights";
import { seedAll } from "@/prisma/seed/seed-all";
import { ZWarningSetting } from "@/features/lights/schemas";
import { saveWarningSetting } from "@/features/lights/server/warning-settings";
import { listTasks } from "@/features/tasks/server/list-tasks";
import { getCompletion } from "@/features/rollups/server/get-completion";
import { loadActors, type TTestActor } from "../helpers/actors";
import { createTestDb, type TTestDb } from "../helpers/test-db";

// 红黄绿灯 per region, worked out by hand: 全总 gives measure M to the 31 provinces, 河北 passes its
// task to 正定, 正定 to its 4 branches. Then the daily relight across day changes, once per day,
// and random progress across days compared with the independent recompute.
let t: TTestDb;
let A: Record<string, TTestActor>;
const today = chinaToday();
const noonOf = (day: Date) => new Date(day.getTime() + 4 * 3_600_000); // 12:00 in China
const token = () => crypto.randomUUID();
const org = (code: string) => t.db.org.findUniqueOrThrow({ where: { code } });
const assign = (actor: TTestActor, over: Record<string, unknown>) =>
  assignTasks(
    actor,
    ZAssignTasks.parse({ clientToken: token(), dueDate: formatDay(addDays(today, 30)), ...over }),
  );
let M: { id: number; code: string };
const taskOf = (orgId: number) => t.db.task.findFirstOrThrow({ where: { objectiveId: M.id, orgId } });
const sign = async (actor: TTestActor, orgId: number) => {
  const x = await taskOf(orgId);
  return signTask(actor, { taskId: x.id, version: x.version });
};
const rowOf = async (orgId: number) => {
  const r = await t.db.rollup.findUnique({ where: { orgId_objectiveId: { orgId, objectiveId: M.id } } });
  return { red: r?.red ?? 0, yellow: r?.yellow ?? 0, green: r?.green ?? 0 };
};
async function expectExactFor(day: Date) {
  const [m, r] = await Promise.all([readMaintainedLights(t.db), recomputeLights(t.db, day)]);
  expect(lightDrift(m, r)).toEqual([]);
}

beforeAll(async () => {
  t = await createTestDb();
  await seedAll(t.db, { demoUsers: true });
  const others = await t.db.org.findMany({
    where: { parent: { code: "130123" }, code: { not: "1301230001" } },
    orderBy: { code: "asc" },
  });
  await t.db.user.createMany({
    data: others.map((o, i) => ({
      username: `branch${i + 2}.chair`,
      name: `基层工会主席${i + 2}`,
      role: "CHAIR" as const,
      orgId: o.id,
      passwordHash: "x",
    })),
  });
  A = await loadActors(t.db);
  M = await t.db.objective.findUniqueOrThrow({ where: { code: "3.6.1.1" } });
});
afterAll(() => t.close());

describe("warning lights per region", () => {
  it("by hand: a chain passed down counts once per region; settings, 漏报 and derived progress move them", async () => {
    const root = await org("000000");
    const hebei = await org("130000");
    const sjz = await org("130100");
    const zd = await org("130123");
    const branches = await t.db.org.findMany({ where: { parentId: zd.id }, orderBy: { code: "asc" } });
    const chairs = ["hengda.chair", "branch2.chair", "branch3.chair", "branch4.chair"];

    await assign(A.acftu!, {
      objectiveIds: [M.id],
      target: { mode: "level", level: "PROVINCE", underOrgId: root.id },
    });
    const provinces = await t.db.org.findMany({ where: { parentId: root.id }, select: { id: true } });
    // Due in 30 days, just created: all 31 green, each in its province's row.
    for (const p of provinces) expect(await rowOf(p.id)).toEqual({ red: 0, yellow: 0, green: 1 });
    await sign(A.hebei!, hebei.id);
    await assign(A.hebei!, {
      parentTaskId: (await taskOf(hebei.id)).id,
      objectiveIds: [M.id],
      target: { mode: "orgs", orgIds: [zd.id] },
      dueDate: formatDay(addDays(today, 2)),
    });
    // 正定's task is due in 2 days ≤ 3: yellow, counted in 石家庄 and 正定 — not again in 河北 (its chain's region is 河北's task).
    expect((await taskOf(zd.id)).light).toBe("YELLOW");
    expect(await rowOf(hebei.id)).toEqual({ red: 0, yellow: 0, green: 1 });
    expect(await rowOf(sjz.id)).toEqual({ red: 0, yellow: 1, green: 0 });
    expect(await rowOf(zd.id)).toEqual({ red: 0, yellow: 1, green: 0 });
    await sign(A["zhengding.chair"]!, zd.id);
    await assign(A.zhengding!, {
      parentTaskId: (await taskOf(zd.id)).id,
      objectiveIds: [M.id],
      target: { mode: "level", level: "GRASSROOTS", underOrgId: zd.id },
      dueDate: formatDay(addDays(today, 2)),
    });
    const lights = async () => Promise.all(branches.map(async (b) => (await taskOf(b.id)).light));
    expect(await lights()).toEqual(["YELLOW", "YELLOW", "YELLOW", "YELLOW"]);
    // Branches keep no roll-up rows: 正定's row still counts its own task once.
    expect(await rowOf(zd.id)).toEqual({ red: 0, yellow: 1, green: 0 });
    await expectExactFor(today);

    // 正定 sets N = 1 for the tasks it assigns: its branches' (due in 2) turn green; 河北's N = 0: 正定's too.
    await t.db.warningSetting.create({ data: { orgId: zd.id, dueSoonDays: 1, lagPoints: 20 } });
    await t.db.$transaction((tx) => relightAssignedBy(tx, zd.id));
    expect(await lights()).toEqual(["GREEN", "GREEN", "GREEN", "GREEN"]);
    await t.db.warningSetting.create({ data: { orgId: hebei.id, dueSoonDays: 0, lagPoints: 20 } });
    await t.db.$transaction((tx) => relightAssignedBy(tx, hebei.id));
    expect(await rowOf(sjz.id)).toEqual({ red: 0, yellow: 0, green: 1 });
    expect(await rowOf(zd.id)).toEqual({ red: 0, yellow: 0, green: 1 });

    // 恒达 misses a report (漏报, set by the reporting calendar): red.
    const hengda = await taskOf(branches[0]!.id);
    await t.db.task.update({ where: { id: hengda.id }, data: { reportFlag: "MISSING" } });
    expect(await t.db.$transaction((tx) => relightTasks(tx, [hengda.id]))).toBe(1);
    expect(await lights()).toEqual(["RED", "GREEN", "GREEN", "GREEN"]);

    // 河北's task started 40 days ago (due in 30): 40/70 = 57.1 % elapsed, progress 0: lagging → yellow.
    const hebeiTask = await taskOf(hebei.id);
    await t.db.task.update({ where: { id: hebeiTask.id }, data: { createdAt: addDays(today, -40) } });
    await t.db.$transaction((tx) => relightTasks(tx, [hebeiTask.id]));
    expect(await rowOf(hebei.id)).toEqual({ red: 0, yellow: 1, green: 0 });
    // The branches report 60 % each: 正定 derives 60, 河北 derives 60 — 57.1 − 60 < 20: green again,
    // relit by the change statement of the last report (derived in the chain).
    for (const [i, b] of branches.entries()) {
      await sign(A[chairs[i]!]!, b.id);
      const x = await taskOf(b.id);
      await logProgress(A[chairs[i]!]!, {
        taskId: x.id,
        version: x.version,
        clientToken: token(),
        percent: 60,
        state: "NORMAL",
        narrative: "推进中",
        attachmentIds: [],
      });
      // After two reports: (60 + 60 + 0 + 0) / 4 = 30 for 正定 and 河北; 57.1 − 30 = 27.1 > 20: still yellow.
      if (i === 1) expect(await rowOf(hebei.id)).toEqual({ red: 0, yellow: 1, green: 0 });
    }
    expect((await taskOf(hebei.id)).progress).toBe(60);
    expect(await rowOf(hebei.id)).toEqual({ red: 0, yellow: 0, green: 1 });
    // National = Σ provinces: 31 green.
    const national = await t.db.rollup.aggregate({
      where: { objectiveId: M.id, orgId: { in: provinces.map((p) => p.id) } },
      _sum: { red: true, yellow: true, green: true },
    });
    expect(national._sum).toEqual({ red: 0, yellow: 0, green: 31 });
    await expectExactFor(today);
  });

  it("the daily relight runs once per day and moves the counts exactly", async () => {
    // Everything was kept current: today's run changes nothing; a second run is a no-op.
    expect(await relightDaily(t.db, today)).toEqual({ ran: true, changed: 0 });
    expect(await relightDaily(t.db, today)).toEqual({ ran: false, changed: 0 });
    // 29 days on: the 31 provinces' tasks are due tomorrow (N = 3, 全总's default): yellow (30 + 河北);
    // 正定's and the 3 green branches' tasks (due 27 days ago) are overdue: red (恒达 already was).
    const later = addDays(today, 29);
    expect(await relightDaily(t.db, later)).toEqual({ ran: true, changed: 31 + 1 + 3 });
    expect(await relightDaily(t.db, later)).toEqual({ ran: false, changed: 0 });
    await expectExactFor(later);
    const hebei = await org("130000");
    expect(await rowOf(hebei.id)).toEqual({ red: 0, yellow: 1, green: 0 });
    expect(await rowOf((await org("130123")).id)).toEqual({ red: 1, yellow: 0, green: 0 });
    // An earlier day than the last run does not run again.
    expect(await relightDaily(t.db, addDays(today, 5))).toEqual({ ran: false, changed: 0 });
  });

  it.runIf(process.env.TEST_DATABASE_URL)(
    "concurrent relights of one day: exactly one runs (PostgreSQL)",
    async () => {
      const day = addDays(today, 31);
      const zd = await org("130123");
      const branches = await t.db.org.findMany({ where: { parentId: zd.id }, orderBy: { code: "asc" } });
      const chairs = ["hengda.chair", "branch2.chair", "branch3.chair", "branch4.chair"];
      // Progress reports of that day race the relights (they re-derive 正定's and 河北's progress and lights).
      const reports = branches.map(async (b, i) => {
        const x = await taskOf(b.id);
        const input = {
          taskId: x.id,
          version: x.version,
          clientToken: token(),
          percent: 70 + i,
          state: "NORMAL" as const,
        };
        return logProgress(A[chairs[i]!]!, { ...input, narrative: "并发", attachmentIds: [] }, noonOf(day));
      });
      const [runs] = await Promise.all([
        Promise.all([relightDaily(t.db, day), relightDaily(t.db, day), relightDaily(t.db, day)]),
        ...reports,
      ]);
      expect(runs.filter((r) => r.ran)).toHaveLength(1);
      expect(runs.find((r) => r.ran)!.changed).toBe(31); // the provinces' tasks are now overdue
      await expectExactFor(day);
    },
  );

  it("random progress over several days stays exact against the recompute", async () => {
    let seed = 1404;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const zd = await org("130123");
    const branches = await t.db.org.findMany({ where: { parentId: zd.id }, orderBy: { code: "asc" } });
    const chairs = ["hengda.chair", "branch2.chair", "branch3.chair", "branch4.chair"];
    // Make the chain's tasks long-running again, started at different days, so that lag matters.
    await t.db.task.updateMany({ where: { objectiveId: M.id }, data: { dueDate: addDays(today, 60) } });
    await t.db
      .$executeRaw`UPDATE "Task" SET "createdAt" = "createdAt" - (id % 40) * interval '1 day' WHERE "objectiveId" = ${M.id}`;
    await t.db.$executeRaw`DELETE FROM "LightRelight"`;
    let refused = 0;
    for (const k of [32, 33, 40, 45, 58, 59, 61]) {
      const day = addDays(today, k - 32);
      await relightDaily(t.db, day);
      await expectExactFor(day);
      for (let n = 0; n < 6; n++) {
        const i = Math.floor(rand() * 4);
        const x = await taskOf(branches[i]!.id);
        try {
          await logProgress(
            A[chairs[i]!]!,
            {
              taskId: x.id,
              version: x.version,
              clientToken: token(),
              percent: Math.floor(rand() * 101),
              state: "NORMAL",
              narrative: "进展",
              attachmentIds: [],
            },
            noonOf(day),
          );
        } catch (e) {
          if (!(e instanceof AppError)) throw e;
          refused++;
        }
        await expectExactFor(day);
      }
    }
    expect(refused).toBeLessThan(10);
    const lit = await t.db.task.groupBy({ by: ["light"], where: { objectiveId: M.id }, _count: true });
    expect(lit.length).toBeGreaterThan(1);
  });

  it("a federation's 预警规则: bounded, audited, relights the tasks it assigned; the list filter and the completion view", async () => {
    expect(ZWarningSetting.safeParse({ dueSoonDays: 31, lagPoints: 20 }).success).toBe(false);
    expect(ZWarningSetting.safeParse({ dueSoonDays: 3, lagPoints: 101 }).success).toBe(false);
    expect(ZWarningSetting.safeParse({ dueSoonDays: -1, lagPoints: 20 }).success).toBe(false);
    expect(ZWarningSetting.safeParse({ dueSoonDays: 1.5, lagPoints: 20 }).success).toBe(false);
    expect(ZWarningSetting.parse({ dueSoonDays: "0", lagPoints: "100" })).toEqual({
      dueSoonDays: 0,
      lagPoints: 100,
    });

    const zd = await org("130123");
    const branches = await t.db.org.findMany({ where: { parentId: zd.id }, orderBy: { code: "asc" } });
    // Today, due in 60 days, N = 30 and X = 100: nothing is due soon or can lag; 恒达's 漏报 stays red.
    await saveWarningSetting(A.zhengding!, { dueSoonDays: 30, lagPoints: 100 });
    const lights = await Promise.all(branches.map(async (b) => (await taskOf(b.id)).light));
    expect(lights).toEqual(["RED", "GREEN", "GREEN", "GREEN"]);
    const audit = await t.db.auditEvent.findFirstOrThrow({
      where: { action: "setting.change", targetType: "warningSetting" },
      orderBy: { id: "desc" },
    });
    expect(audit.targetId).toBe(String(zd.id));
    expect(audit.detail).toMatchObject({
      dueSoonDays: { from: 1, to: 30 },
      lagPoints: { from: 20, to: 100 },
    });
    // The counts still follow the stored lights exactly (some tasks are lit for today, others for a later day).
    const [m, stored] = await Promise.all([readMaintainedLights(t.db), recomputeLights(t.db, null)]);
    expect(lightDrift(m, stored)).toEqual([]);

    // ?light=RED in 正定's subtree lists 恒达's task only; green: 正定's own (due in 60) and the other three.
    const red = await listTasks(A.zhengding!, { light: "RED", objective: M.code });
    expect(red.items.map((x) => x.org.id)).toEqual([branches[0]!.id]);
    const green = await listTasks(A.zhengding!, { light: "GREEN", objective: M.code });
    expect(green.items.map((x) => x.org.id).sort((a, b) => a - b)).toEqual(
      [zd.id, ...branches.slice(1).map((b) => b.id)].sort((a, b) => a - b),
    );
    // 正定's completion view: its branches from Task, one row each, with their lights.
    const view = (await getCompletion({ orgId: zd.id }, { orgId: zd.id, objective: M.code }))!;
    const row = (id: number) => view.children.find((c) => c.id === id)!.metrics;
    expect([row(branches[0]!.id).red, row(branches[0]!.id).green]).toEqual([1, 0]);
    expect(view.childTotal).toMatchObject({ red: 1, yellow: 0, green: 3 });
  });
});
