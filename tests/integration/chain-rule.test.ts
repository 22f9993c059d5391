import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, chinaToday, formatDay } from "@/lib/dates";
import { getCompletion } from "@/features/rollups/server/get-completion";
import { getHeatmap } from "@/features/rollups/server/get-heatmap";
import { readTrend, takeSnapshots } from "@/features/rollups/server/snapshots";
import { ZAssignTasks, ZReview } from "@/features/tasks/schemas";
import { assignTasks } from "@/features/tasks/server/assign-tasks";
import { cancelTask } from "@/features/tasks/server/cancel-task";
import { listTasks } from "@/features/tasks/server/list-tasks";
import { logProgress } from "@/features/tasks/server/log-progress";
import { reviewCompletion } from "@/features/tasks/server/review-completion";
import { signTask } from "@/features/tasks/server/sign-task";
import { submitCompletion } from "@/features/tasks/server/submit-completion";
import { seedAll } from "@/prisma/seed/seed-all";
import { codeOf, loadActors, type TTestActor } from "../helpers/actors";
import { createTestDb, type TTestDb } from "../helpers/test-db";

// The counting rule with a three-level cascade, every figure computed by hand:
// 全总 gives measure M to the 31 provinces; 河北 passes its task to 正定 (a county); 正定 passes
// its task to its 4 branches; 恒达 reports 60 %, a second branch is approved (销号).
let t: TTestDb;
let A: Record<string, TTestActor>;
const today = chinaToday();
const token = () => crypto.randomUUID();
const org = (code: string) => t.db.org.findUniqueOrThrow({ where: { code } });
const taskOf = (objectiveId: number, orgId: number) =>
  t.db.task.findFirstOrThrow({ where: { objectiveId, orgId } });
const assign = (actor: TTestActor, over: Record<string, unknown>) =>
  assignTasks(
    actor,
    ZAssignTasks.parse({ clientToken: token(), dueDate: formatDay(addDays(today, 30)), ...over }),
  );
const sign = async (actor: TTestActor, objectiveId: number, orgId: number) => {
  const x = await taskOf(objectiveId, orgId);
  return signTask(actor, { taskId: x.id, version: x.version });
};
const figures = (m: {
  total: number;
  completed: number;
  inProgress: number;
  avgProgress: number | null;
}) => ({
  total: m.total,
  completed: m.completed,
  inProgress: m.inProgress,
  avgProgress: m.avgProgress,
});

beforeAll(async () => {
  t = await createTestDb();
  await seedAll(t.db, { demoUsers: true });
  // A chair for every other branch of 正定 (the demo has one for 恒达 only), so that all can act.
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
});
afterAll(() => t.close());

describe("each assignment chain counts once per region", () => {
  it("全总 → 省 → 县 → 基层: the figures of every level, by hand", async () => {
    const m = await t.db.objective.findUniqueOrThrow({ where: { code: "3.6.1.1" } });
    const root = await org("000000");
    const hebei = await org("130000");
    const sjz = await org("130100");
    const zd = await org("130123");
    const branches = await t.db.org.findMany({ where: { parentId: zd.id }, orderBy: { code: "asc" } });
    expect(branches).toHaveLength(4);
    const [hengda, second] = branches;
    expect(hengda!.code).toBe("1301230001");

    expect(
      await assign(A.acftu!, {
        objectiveIds: [m.id],
        target: { mode: "level", level: "PROVINCE", underOrgId: root.id },
      }),
    ).toMatchObject({ created: 31 });
    await sign(A.hebei!, m.id, hebei.id);
    const hebeiTask = await taskOf(m.id, hebei.id);
    await assign(A.hebei!, {
      parentTaskId: hebeiTask.id,
      objectiveIds: [m.id],
      target: { mode: "orgs", orgIds: [zd.id] },
      dueDate: formatDay(addDays(today, 20)),
    });
    await sign(A["zhengding.chair"]!, m.id, zd.id);
    const zdTask = await taskOf(m.id, zd.id);
    expect(zdTask.countFrom).toBe(2); // below 河北 (path 全总, 河北)
    await assign(A.zhengding!, {
      parentTaskId: zdTask.id,
      objectiveIds: [m.id],
      target: { mode: "level", level: "GRASSROOTS", underOrgId: zd.id },
      dueDate: formatDay(addDays(today, 10)),
    });
    // 恒达 reports 60 %; the second branch finishes and 正定 approves.
    await sign(A["hengda.chair"]!, m.id, hengda!.id);
    const h = await taskOf(m.id, hengda!.id);
    await logProgress(A["hengda.chair"]!, {
      taskId: h.id,
      version: h.version,
      clientToken: token(),
      percent: 60,
      state: "NORMAL",
      narrative: "推进中",
      attachmentIds: [],
    });
    await sign(A["branch2.chair"]!, m.id, second!.id);
    const s = await taskOf(m.id, second!.id);
    await submitCompletion(A["branch2.chair"]!, {
      taskId: s.id,
      version: s.version,
      clientToken: token(),
      summary: "已完成",
      attachmentIds: [],
    });
    const s2 = await taskOf(m.id, second!.id);
    await reviewCompletion(
      A.zhengding!,
      ZReview.parse({ taskId: s2.id, version: s2.version, decision: "APPROVED" }),
    );

    // Derived progress: 正定 = (60 + 100 + 0 + 0) / 4 = 40; 河北 = its only child = 40.
    expect((await taskOf(m.id, zd.id)).progress).toBe(40);
    expect((await taskOf(m.id, hebei.id)).progress).toBe(40);

    const view = (user: number, at: number) =>
      getCompletion({ orgId: user }, { orgId: at, objective: m.code });
    // National: the 31 provinces' tasks, 河北 in progress at 40, nothing complete: avg 40 / 31.
    const national = (await view(root.id, root.id))!;
    expect(figures(national.region)).toEqual({
      total: 31,
      completed: 0,
      inProgress: 1,
      avgProgress: 40 / 31,
    });
    const hebeiRow = national.children.find((c) => c.id === hebei.id)!;
    expect(figures(hebeiRow.metrics)).toEqual({ total: 1, completed: 0, inProgress: 1, avgProgress: 40 });
    expect(national.childTotal.total).toBe(31);
    // 河北: its region is its own task (what the nation sees); 石家庄 counts 正定's task.
    const hebeiView = (await view(hebei.id, hebei.id))!;
    expect(figures(hebeiView.region)).toEqual(figures(hebeiRow.metrics));
    expect(figures(hebeiView.own)).toEqual({ total: 1, completed: 0, inProgress: 1, avgProgress: 40 });
    const sjzRow = hebeiView.children.find((c) => c.id === sjz.id)!;
    expect(figures(sjzRow.metrics)).toEqual({ total: 1, completed: 0, inProgress: 1, avgProgress: 40 });
    expect(hebeiView.childTotal.total).toBe(1);
    // 石家庄 holds nothing: its region is 正定's task, the same as its row on 河北's page.
    const sjzView = (await view(sjz.id, sjz.id))!;
    expect(figures(sjzView.region)).toEqual(figures(sjzRow.metrics));
    expect(sjzView.own.total).toBe(0);
    // 正定: its own task once (40); its branches count their 4 tasks: 1 done, mean 40.
    const zdView = (await view(zd.id, zd.id))!;
    expect(figures(zdView.region)).toEqual({ total: 1, completed: 0, inProgress: 1, avgProgress: 40 });
    expect(figures(zdView.childTotal)).toEqual({ total: 4, completed: 1, inProgress: 1, avgProgress: 40 });
    expect(zdView.childTotal.completionRate).toBe(0.25);
    const row = (id: number) => figures(zdView.children.find((c) => c.id === id)!.metrics);
    expect(row(hengda!.id)).toEqual({ total: 1, completed: 0, inProgress: 1, avgProgress: 60 });
    expect(row(second!.id)).toEqual({ total: 1, completed: 1, inProgress: 0, avgProgress: 100 });
    // 恒达's own page shows what 正定's page shows for it.
    expect(figures((await view(hengda!.id, hengda!.id))!.region)).toEqual(row(hengda!.id));

    // The task list behind a figure (counted=1) lists exactly the tasks the figure counts.
    const listed = async (orgId: number, counted: boolean) =>
      (
        await listTasks(A.acftu!, {
          org: orgId,
          objective: m.code,
          ...(counted ? { counted: "1" as const } : {}),
        })
      ).items
        .map((x) => x.org.id)
        .sort((a, b) => a - b);
    expect(await listed(hebei.id, true)).toEqual([hebei.id]);
    expect(await listed(sjz.id, true)).toEqual([zd.id]);
    expect(await listed(zd.id, true)).toEqual([zd.id]);
    expect(await listed(hengda!.id, true)).toEqual([hengda!.id]);
    expect(await listed(hebei.id, false)).toHaveLength(1 + 1 + 4); // the whole subtree: 河北, 正定, 4 branches

    // The heatmap and the trend follow the same rule.
    const heat = (await getHeatmap({ orgId: root.id }, { orgId: root.id, objective: m.code }))!;
    expect(heat.rows.find((r) => r.id === hebei.id)!.cells[0]).toMatchObject({ total: 1, completed: 0 });
    // Unscoped, the columns are main tasks, summed in SQL: the same 1 task in 河北's column of m's main task.
    const mainCode = m.code.split(".").slice(0, 2).join(".");
    const all = (await getHeatmap({ orgId: root.id }, { orgId: root.id }))!;
    const col = all.columns.findIndex((c) => c.code === mainCode);
    expect(all.rows.find((r) => r.id === hebei.id)!.cells[col]).toMatchObject({ total: 1, completed: 0 });
    expect(all.rows.find((r) => r.id === hebei.id)!.cells.filter((c) => c !== null)).toHaveLength(1);
    await takeSnapshots(t.db, today);
    expect((await readTrend(t.db, { orgId: root.id, today })).at(-1)).toMatchObject({
      total: 31,
      completed: 0,
    });
    expect((await readTrend(t.db, { orgId: hebei.id, today })).at(-1)).toMatchObject({
      total: 1,
      completed: 0,
    });
    expect((await readTrend(t.db, { orgId: zd.id, today })).at(-1)).toMatchObject({ total: 1, completed: 0 });

    // 河北 cannot withdraw 正定's task while 正定's branches still work on theirs.
    const zdOpen = await taskOf(m.id, zd.id);
    expect(
      await codeOf(cancelTask(A.hebei!, { taskId: zdOpen.id, version: zdOpen.version, reason: "调整" })),
    ).toBe("VALIDATION");
    // A branch's task is withdrawn: 正定 = (60 + 100 + 0) / 3 = 53.333333 (6 places), and so 河北.
    const third = await taskOf(m.id, branches[2]!.id);
    await cancelTask(A.zhengding!, { taskId: third.id, version: third.version, reason: "调整" });
    expect((await taskOf(m.id, zd.id)).progress).toBe(53.333333);
    expect((await taskOf(m.id, hebei.id)).progress).toBe(53.333333);
    const after = (await view(root.id, root.id))!;
    expect(after.region.progressSum).toBeCloseTo(53.333333, 9);
    expect((await view(zd.id, zd.id))!.childTotal.total).toBe(3);

    // The holder of a task passed down reports a narrative; its percent stays derived, whatever the
    // form sent, and the record keeps the derived percent (53.333333 → 53).
    const zdNow = await taskOf(m.id, zd.id);
    const { progressUpdateId } = await logProgress(A["zhengding.chair"]!, {
      taskId: zdNow.id,
      version: zdNow.version,
      clientToken: token(),
      percent: 90,
      state: "LAGGING",
      narrative: "督促基层",
      attachmentIds: [],
    });
    expect(await taskOf(m.id, zd.id)).toMatchObject({ progress: 53.333333, progressState: "LAGGING" });
    expect(await t.db.progressUpdate.findUniqueOrThrow({ where: { id: progressUpdateId } })).toMatchObject({
      percent: 53,
      narrative: "督促基层",
    });
  });

  // PGlite runs one transaction at a time, so only PostgreSQL can show that siblings racing on
  // one parent leave it at the exact mean (each writer locks the chain before reading siblings).
  it.skipIf(!process.env.TEST_DATABASE_URL)(
    "PostgreSQL only (real concurrency): siblings reporting at once leave their parents exact",
    async () => {
      const m = await t.db.objective.findUniqueOrThrow({ where: { code: "3.6.1.2" } });
      const hebei = await org("130000");
      const zd = await org("130123");
      await assign(A.hebei!, { objectiveIds: [m.id], target: { mode: "orgs", orgIds: [zd.id] } });
      await sign(A["zhengding.chair"]!, m.id, zd.id);
      const parent = await taskOf(m.id, zd.id);
      await assign(A.zhengding!, {
        parentTaskId: parent.id,
        objectiveIds: [m.id],
        target: { mode: "level", level: "GRASSROOTS", underOrgId: zd.id },
        dueDate: formatDay(addDays(today, 10)),
      });
      const chairOf = (orgId: number) =>
        Object.values(A).find((a) => a.orgId === orgId && a.role === "CHAIR")!;
      const kids = await t.db.task.findMany({ where: { parentTaskId: parent.id }, orderBy: { id: "asc" } });
      expect(kids).toHaveLength(4);
      await Promise.all(kids.map((k) => signTask(chairOf(k.orgId), { taskId: k.id, version: k.version })));
      for (let round = 1; round <= 3; round++) {
        const fresh = await t.db.task.findMany({
          where: { parentTaskId: parent.id },
          orderBy: { id: "asc" },
        });
        await Promise.all(
          fresh.map((k, i) =>
            logProgress(chairOf(k.orgId), {
              taskId: k.id,
              version: k.version,
              clientToken: token(),
              percent: 10 * round + 7 * i,
              state: "NORMAL",
              narrative: "并发填报",
              attachmentIds: [],
            }),
          ),
        );
      }
      // Round 3: 30, 37, 44, 51 → 正定 = 162 / 4 = 40.5, and 河北's view of 正定's region the same.
      expect((await taskOf(m.id, zd.id)).progress).toBe(40.5);
      const view = (await getCompletion({ orgId: hebei.id }, { orgId: zd.id, objective: m.code }))!;
      expect(view.region.avgProgress).toBe(40.5);
      expect(view.childTotal.avgProgress).toBe(40.5);
    },
  );
});
