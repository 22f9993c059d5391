import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, chinaToday, formatDay } from "@/lib/dates";
import { ZAssignTasks, ZLogProgress } from "@/features/tasks/schemas";
import { assignTasks } from "@/features/tasks/server/assign-tasks";
import { cancelTask } from "@/features/tasks/server/cancel-task";
import { claimTask } from "@/features/tasks/server/claim-task";
import { handBackTask } from "@/features/tasks/server/hand-back-task";
import { transferTask } from "@/features/tasks/server/transfer-task";
import { attachIndicator } from "@/features/indicators/server/attach-indicator";
import { logProgress } from "@/features/tasks/server/log-progress";
import { signTask } from "@/features/tasks/server/sign-task";
import { indicatorDrift } from "@/features/indicators/server/recompute-indicators";
import { seedAll } from "@/prisma/seed/seed-all";
import { codeOf, loadActors, type TTestActor } from "../helpers/actors";
import { createTestDb, type TTestDb } from "../helpers/test-db";

// The write path of indicators with every figure worked out by hand:
// 全总 gives measure M to 河北 with target 1000 (新建工会数, SUM) and no target of 满意度 (AVERAGE);
// 河北 splits its 1000 to three cities, 400 / 350 / 250; 石家庄 splits its 400 to two counties,
// 250 / 150; the counties and 唐山 report, 秦皇岛 reports only 满意度; then county 2 is cancelled.
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
const report = async (
  actor: TTestActor,
  taskId: number,
  values: { indicatorId: number; value: string }[],
) => {
  const x = await t.db.task.findUniqueOrThrow({ where: { id: taskId } });
  return logProgress(
    actor,
    ZLogProgress.parse({
      taskId,
      version: x.version,
      clientToken: token(),
      percent: 50,
      state: "NORMAL",
      narrative: "推进中",
      indicatorValues: values,
    }),
  );
};
const actualOf = async (taskId: number, indicatorId: number) =>
  (
    await t.db.taskIndicator.findUniqueOrThrow({ where: { taskId_indicatorId: { taskId, indicatorId } } })
  ).actual?.toFixed(6) ?? null;
const rollup = async (orgId: number, indicatorId: number) => {
  const r = await t.db.indicatorRollup.findUnique({ where: { orgId_indicatorId: { orgId, indicatorId } } });
  return r
    ? {
        tasks: r.tasks,
        targeted: r.targeted,
        reported: r.reported,
        targetSum: r.targetSum.toFixed(6),
        actualSum: r.actualSum.toFixed(6),
      }
    : null;
};
/** [tasks, targeted, reported, targetSum, actualSum] as IndicatorRollup holds them. */
const fig = (
  ...[tasks, targeted, reported, targetSum, actualSum]: [number, number, number, string, string]
) => ({
  tasks,
  targeted,
  reported,
  targetSum,
  actualSum,
});

const CITY_CODES = ["130100", "130200", "130300"]; // 石家庄, 唐山, 秦皇岛

beforeAll(async () => {
  t = await createTestDb();
  await seedAll(t.db, { demoUsers: true });
  const counties = await t.db.org.findMany({
    where: { parent: { code: "130100" }, level: "COUNTY" },
    orderBy: { code: "asc" },
    take: 2,
  });
  const orgs = await t.db.org.findMany({
    where: { code: { in: [...CITY_CODES, ...counties.map((c) => c.code)] } },
  });
  await t.db.user.createMany({
    data: orgs.flatMap((o) => [
      {
        username: `m${o.code}`,
        name: `督办员${o.code}`,
        role: "MANAGER" as const,
        orgId: o.id,
        passwordHash: "x",
      },
      {
        username: `c${o.code}`,
        name: `主席${o.code}`,
        role: "CHAIR" as const,
        orgId: o.id,
        passwordHash: "x",
      },
    ]),
  });
  A = await loadActors(t.db);
});
afterAll(() => t.close());

describe("indicators: targets split down, actuals summed up, counted once per region", () => {
  it("下达 → 分解 → 分解 → 进展 → 撤销, every figure by hand", async () => {
    const m = await t.db.objective.findUniqueOrThrow({ where: { code: "3.6.1.1" } });
    const other = await t.db.objective.findUniqueOrThrow({ where: { code: "3.6.1.2" } });
    const S = await t.db.indicator.create({
      data: { objectiveId: m.id, name: "新建工会数", unit: "家", aggregation: "SUM" },
    });
    const V = await t.db.indicator.create({
      data: { objectiveId: m.id, name: "职工满意度", unit: "%", aggregation: "AVERAGE" },
    });
    const foreign = await t.db.indicator.create({
      data: { objectiveId: other.id, name: "职工书屋数", unit: "个", aggregation: "SUM" },
    });
    const root = await org("000000");
    const hebei = await org("130000");
    const sjz = await org("130100");
    const ts = await org("130200");
    const qhd = await org("130300");
    const [c1, c2] = await t.db.org.findMany({
      where: { parentId: sjz.id, level: "COUNTY" },
      orderBy: { code: "asc" },
      take: 2,
    });

    // 下达 to 河北 alone with target 1000.
    const toHebei = { objectiveIds: [m.id], target: { mode: "orgs", orgIds: [hebei.id] } };
    // The server's checks: orgs exactly the targets, indicators of the measure, one measure.
    expect(
      await codeOf(
        assign(A.acftu!, {
          ...toHebei,
          indicatorTargets: [{ indicatorId: S.id, targets: [{ orgId: sjz.id, target: 1 }] }],
        }),
      ),
    ).toBe("INDICATOR_TARGET_ORGS");
    expect(
      await codeOf(
        assign(A.acftu!, {
          ...toHebei,
          indicatorTargets: [{ indicatorId: foreign.id, targets: [{ orgId: hebei.id, target: 1 }] }],
        }),
      ),
    ).toBe("INDICATOR_NOT_OF_MEASURE");
    expect(
      await codeOf(
        assign(A.acftu!, {
          ...toHebei,
          objectiveIds: [m.id, other.id],
          indicatorTargets: [{ indicatorId: S.id, targets: [{ orgId: hebei.id, target: 1 }] }],
        }),
      ),
    ).toBe("INDICATOR_ONE_MEASURE");
    expect(await t.db.task.count({ where: { objectiveId: m.id } })).toBe(0);
    await assign(A.acftu!, {
      ...toHebei,
      indicatorTargets: [{ indicatorId: S.id, targets: [{ orgId: hebei.id, target: "1000" }] }],
    });
    await sign(A.hebei!, m.id, hebei.id);
    const hb = await taskOf(m.id, hebei.id);
    expect(await rollup(hebei.id, S.id)).toEqual(fig(1, 1, 0, "1000.000000", "0.000000"));
    expect(await rollup(hebei.id, V.id)).toEqual(fig(1, 0, 0, "0.000000", "0.000000"));
    expect(await rollup(root.id, S.id)).toBeNull(); // the root keeps no rows

    // 河北 分解 to three cities: 400 / 350 / 250.
    await assign(A.hebei!, {
      parentTaskId: hb.id,
      objectiveIds: [m.id],
      target: { mode: "orgs", orgIds: [sjz.id, ts.id, qhd.id] },
      indicatorTargets: [
        {
          indicatorId: S.id,
          targets: [
            { orgId: sjz.id, target: 400 },
            { orgId: ts.id, target: 350 },
            { orgId: qhd.id, target: 250 },
          ],
        },
      ],
    });
    for (const c of [sjz, ts, qhd]) await sign(A[`m${c.code}`]!, m.id, c.id);
    const [tSjz, tTs, tQhd] = await Promise.all([sjz, ts, qhd].map((c) => taskOf(m.id, c.id)));
    // 石家庄 分解 to two counties: 250 / 150.
    await assign(A[`m${sjz.code}`]!, {
      parentTaskId: tSjz!.id,
      objectiveIds: [m.id],
      target: { mode: "orgs", orgIds: [c1!.id, c2!.id] },
      dueDate: formatDay(addDays(today, 20)),
      indicatorTargets: [
        {
          indicatorId: S.id,
          targets: [
            { orgId: c1!.id, target: 250 },
            { orgId: c2!.id, target: 150 },
          ],
        },
      ],
    });
    for (const c of [c1!, c2!]) await sign(A[`m${c.code}`]!, m.id, c.id);
    const [tC1, tC2] = await Promise.all([c1!, c2!].map((c) => taskOf(m.id, c.id)));

    // Reports: county 1 100.5 / 90, county 2 60 / 85.25, 唐山 120 / 80.5, 秦皇岛 only 满意度 70.000002.
    await report(A[`c${c1!.code}`]!, tC1!.id, [
      { indicatorId: S.id, value: "100.5" },
      { indicatorId: V.id, value: "90" },
    ]);
    await report(A[`c${c2!.code}`]!, tC2!.id, [
      { indicatorId: S.id, value: "60" },
      { indicatorId: V.id, value: "85.25" },
    ]);
    await report(A[`c${ts.code}`]!, tTs!.id, [
      { indicatorId: S.id, value: "120" },
      { indicatorId: V.id, value: "80.5" },
    ]);
    await report(A[`c${qhd.code}`]!, tQhd!.id, [{ indicatorId: V.id, value: "70.000002" }]);
    // A task passed down derives its actuals: typed values are refused; other measures' too.
    expect(await codeOf(report(A[`c${sjz.code}`]!, tSjz!.id, [{ indicatorId: S.id, value: "1" }]))).toBe(
      "INDICATOR_DERIVED",
    );
    expect(await codeOf(report(A[`c${ts.code}`]!, tTs!.id, [{ indicatorId: foreign.id, value: "1" }]))).toBe(
      "INDICATOR_NOT_OF_MEASURE",
    );

    // 石家庄 = 100.5 + 60 = 160.5; mean (90 + 85.25) / 2 = 87.625.
    expect(await actualOf(tSjz!.id, S.id)).toBe("160.500000");
    expect(await actualOf(tSjz!.id, V.id)).toBe("87.625000");
    // 河北 = 160.5 + 120 (+ 秦皇岛 none) = 280.5; mean (87.625 + 80.5 + 70.000002) / 3 = 79.37500066… → 79.375001.
    expect(await actualOf(hb.id, S.id)).toBe("280.500000");
    expect(await actualOf(hb.id, V.id)).toBe("79.375001");
    // Each chain once per region: 河北's region counts only 河北's task, each city its own, each county its own.
    expect(await rollup(hebei.id, S.id)).toEqual(fig(1, 1, 1, "1000.000000", "280.500000"));
    expect(await rollup(hebei.id, V.id)).toEqual(fig(1, 0, 1, "0.000000", "79.375001"));
    expect(await rollup(sjz.id, S.id)).toEqual(fig(1, 1, 1, "400.000000", "160.500000"));
    expect(await rollup(sjz.id, V.id)).toEqual(fig(1, 0, 1, "0.000000", "87.625000"));
    expect(await rollup(ts.id, S.id)).toEqual(fig(1, 1, 1, "350.000000", "120.000000"));
    expect(await rollup(qhd.id, S.id)).toEqual(fig(1, 1, 0, "250.000000", "0.000000"));
    expect(await rollup(qhd.id, V.id)).toEqual(fig(1, 0, 1, "0.000000", "70.000002"));
    expect(await rollup(c1!.id, S.id)).toEqual(fig(1, 1, 1, "250.000000", "100.500000"));
    expect(await rollup(c2!.id, S.id)).toEqual(fig(1, 1, 1, "150.000000", "60.000000"));
    expect(await rollup(c2!.id, V.id)).toEqual(fig(1, 0, 1, "0.000000", "85.250000"));

    // The history: the timeline entry and the progress record keep the values.
    const ev = await t.db.taskEvent.findFirstOrThrow({
      where: { taskId: tC1!.id, type: "PROGRESS" },
      orderBy: { id: "desc" },
    });
    expect((ev.changes as Record<string, unknown>).indicators).toEqual({
      [S.id]: [null, "100.500000"],
      [V.id]: [null, "90.000000"],
    });
    const pu = await t.db.progressUpdate.findFirstOrThrow({ where: { taskId: tC1!.id } });
    expect(pu.indicatorValues).toEqual([
      { indicatorId: S.id, value: "100.5" },
      { indicatorId: V.id, value: "90" },
    ]);

    // 石家庄 cancels county 2: its figures leave, and both parents re-derive.
    const x2 = await taskOf(m.id, c2!.id);
    await cancelTask(A[`m${sjz.code}`]!, { taskId: x2.id, version: x2.version, reason: "调整安排" });
    expect(await actualOf(tSjz!.id, S.id)).toBe("100.500000");
    expect(await actualOf(tSjz!.id, V.id)).toBe("90.000000");
    // 河北 = 100.5 + 120 = 220.5; mean (90 + 80.5 + 70.000002) / 3 = 80.16666733… → 80.166667.
    expect(await actualOf(hb.id, S.id)).toBe("220.500000");
    expect(await actualOf(hb.id, V.id)).toBe("80.166667");
    expect(await rollup(c2!.id, S.id)).toEqual(fig(0, 0, 0, "0.000000", "0.000000"));
    expect(await rollup(sjz.id, S.id)).toEqual(fig(1, 1, 1, "400.000000", "100.500000"));
    expect(await rollup(hebei.id, S.id)).toEqual(fig(1, 1, 1, "1000.000000", "220.500000"));
    expect(await rollup(hebei.id, V.id)).toEqual(fig(1, 0, 1, "0.000000", "80.166667"));

    // And the independent recompute agrees with every maintained row and actual.
    expect(await indicatorDrift(t.db)).toEqual({ rows: [], actuals: [], log: [] });
  });

  it("转派 carries the targets, 认领 has none, an indicator added later is carried by every task", async () => {
    const m = await t.db.objective.findUniqueOrThrow({ where: { code: "3.6.1.2" } });
    const B = await t.db.indicator.findFirstOrThrow({ where: { objectiveId: m.id, name: "职工书屋数" } });
    const hebei = await org("130000");
    const sjz = await org("130100");
    const ts = await org("130200");
    const qhd = await org("130300");
    const zd = await org("130123");
    await assign(A.hebei!, {
      objectiveIds: [m.id],
      target: { mode: "orgs", orgIds: [ts.id, qhd.id] },
      indicatorTargets: [
        {
          indicatorId: B.id,
          targets: [
            { orgId: ts.id, target: 30 },
            { orgId: qhd.id, target: 20 },
          ],
        },
      ],
    });
    // Not passed down: each counts in its city and in 河北.
    expect(await rollup(hebei.id, B.id)).toEqual(fig(2, 2, 0, "50.000000", "0.000000"));
    expect(await rollup(qhd.id, B.id)).toEqual(fig(1, 1, 0, "20.000000", "0.000000"));
    // 秦皇岛 hands it back; 河北 gives it to 石家庄, which takes over the target of 20.
    const q = await taskOf(m.id, qhd.id);
    await handBackTask(A[`c${qhd.code}`]!, { taskId: q.id, version: q.version, reason: "不属本级" });
    const q2 = await taskOf(m.id, qhd.id);
    await transferTask(A.hebei!, { taskId: q2.id, version: q2.version, clientToken: token(), orgId: sjz.id });
    const moved = await taskOf(m.id, sjz.id);
    expect(
      (
        await t.db.taskIndicator.findUniqueOrThrow({
          where: { taskId_indicatorId: { taskId: moved.id, indicatorId: B.id } },
        })
      ).target?.toFixed(6),
    ).toBe("20.000000");
    expect(await rollup(qhd.id, B.id)).toEqual(fig(0, 0, 0, "0.000000", "0.000000"));
    expect(await rollup(sjz.id, B.id)).toEqual(fig(1, 1, 0, "20.000000", "0.000000"));
    expect(await rollup(hebei.id, B.id)).toEqual(fig(2, 2, 0, "50.000000", "0.000000"));
    // 恒达 (under 正定, under 石家庄) claims the measure: it carries the indicator without a target.
    const { taskId: claimed } = await claimTask(A["hengda.chair"]!, {
      objectiveId: m.id,
      dueDate: formatDay(addDays(today, 10)),
    });
    expect(await rollup(zd.id, B.id)).toEqual(fig(1, 0, 0, "0.000000", "0.000000"));
    expect(await rollup(sjz.id, B.id)).toEqual(fig(2, 1, 0, "20.000000", "0.000000"));
    expect(await rollup(hebei.id, B.id)).toEqual(fig(3, 2, 0, "50.000000", "0.000000"));
    await report(A["hengda.chair"]!, claimed, [{ indicatorId: B.id, value: "7.25" }]);
    expect(await rollup(hebei.id, B.id)).toEqual(fig(3, 2, 1, "50.000000", "7.250000"));

    // An indicator defined after the tasks exist: the live tasks count it at once (the cancelled one nowhere).
    const L = await t.db.indicator.create({
      data: { objectiveId: m.id, name: "培训人次", unit: "人次", aggregation: "SUM" },
    });
    expect(await t.db.$transaction((tx) => attachIndicator(tx, L.id))).toBe(4); // 唐山, 秦皇岛 (cancelled), 石家庄, 恒达
    expect(await rollup(hebei.id, L.id)).toEqual(fig(3, 0, 0, "0.000000", "0.000000"));
    expect(await rollup(qhd.id, L.id)).toBeNull();
    await report(A["hengda.chair"]!, claimed, [{ indicatorId: L.id, value: "12" }]);
    expect(await rollup(zd.id, L.id)).toEqual(fig(1, 0, 1, "0.000000", "12.000000"));
    expect(await rollup(hebei.id, L.id)).toEqual(fig(3, 0, 1, "0.000000", "12.000000"));
    expect(await indicatorDrift(t.db)).toEqual({ rows: [], actuals: [], log: [] });
  });

  it.runIf(!!process.env.TEST_DATABASE_URL)(
    "siblings reporting at the same moment, one cancelled meanwhile: the parent's sum and mean lose nothing (PostgreSQL)",
    async () => {
      const m = await t.db.objective.findUniqueOrThrow({ where: { code: "3.6.1.3" } });
      const S = await t.db.indicator.create({
        data: { objectiveId: m.id, name: "会员数", unit: "人", aggregation: "SUM" },
      });
      const V = await t.db.indicator.create({
        data: { objectiveId: m.id, name: "覆盖率", unit: "%", aggregation: "AVERAGE" },
      });
      const hebei = await org("130000");
      const zd = await org("130123");
      const branches = await t.db.org.findMany({ where: { parentId: zd.id }, orderBy: { code: "asc" } });
      expect(branches.length).toBeGreaterThanOrEqual(4);
      const four = branches.slice(0, 4);
      await t.db.user.createMany({
        data: four
          .filter((b) => b.code !== "1301230001")
          .map((b) => ({
            username: `c${b.code}`,
            name: b.code,
            role: "CHAIR" as const,
            orgId: b.id,
            passwordHash: "x",
          })),
      });
      A = await loadActors(t.db);
      const chair = (code: string) => (code === "1301230001" ? A["hengda.chair"]! : A[`c${code}`]!);
      await assign(A.hebei!, { objectiveIds: [m.id], target: { mode: "orgs", orgIds: [zd.id] } });
      await sign(A["zhengding.chair"]!, m.id, zd.id);
      const parent = await taskOf(m.id, zd.id);
      await assign(A.zhengding!, {
        parentTaskId: parent.id,
        objectiveIds: [m.id],
        target: { mode: "orgs", orgIds: four.map((b) => b.id) },
        dueDate: formatDay(addDays(today, 20)),
      });
      for (const b of four) await sign(chair(b.code), m.id, b.id);
      const kids = await Promise.all(four.map((b) => taskOf(m.id, b.id)));
      const values = ["1.000001", "2.000002", "3.000003"];
      await Promise.all([
        ...kids.slice(0, 3).map((k, i) =>
          report(chair(four[i]!.code), k.id, [
            { indicatorId: S.id, value: values[i]! },
            { indicatorId: V.id, value: values[i]! },
          ]),
        ),
        cancelTask(A.zhengding!, { taskId: kids[3]!.id, version: kids[3]!.version, reason: "合并办理" }),
      ]);
      // 1.000001 + 2.000002 + 3.000003 = 6.000006; their mean 2.000002 (the cancelled one left out).
      expect(await actualOf(parent.id, S.id)).toBe("6.000006");
      expect(await actualOf(parent.id, V.id)).toBe("2.000002");
      // 正定's task was not passed down to it: it counts in 河北, 石家庄 and 正定; the branches in no federation row.
      for (const o of [hebei.id, zd.id]) {
        expect(await rollup(o, S.id)).toEqual(fig(1, 0, 1, "0.000000", "6.000006"));
        expect(await rollup(o, V.id)).toEqual(fig(1, 0, 1, "0.000000", "2.000002"));
      }
      expect(await indicatorDrift(t.db)).toEqual({ rows: [], actuals: [], log: [] });
    },
  );
});
