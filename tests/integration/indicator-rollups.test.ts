import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { addDays, chinaToday, formatDay } from "@/lib/dates";
import { ZAssignTasks, ZLogProgress, ZReview } from "@/features/tasks/schemas";
import { assignTasks } from "@/features/tasks/server/assign-tasks";
import { cancelTask } from "@/features/tasks/server/cancel-task";
import { claimTask } from "@/features/tasks/server/claim-task";
import { handBackTask } from "@/features/tasks/server/hand-back-task";
import { logProgress } from "@/features/tasks/server/log-progress";
import { reviewCompletion } from "@/features/tasks/server/review-completion";
import { signTask } from "@/features/tasks/server/sign-task";
import { submitCompletion } from "@/features/tasks/server/submit-completion";
import { transferTask } from "@/features/tasks/server/transfer-task";
import { closeOrg } from "@/features/organizations/server/change/close-org";
import { mergeOrg } from "@/features/organizations/server/change/merge-org";
import { moveOrg } from "@/features/organizations/server/change/move-org";
import { readMaintained, recomputeRollups, type TRecomputed } from "@/features/rollups/server/recompute";
import { indicatorDrift } from "@/features/indicators/server/recompute-indicators";
import { seedAll } from "@/prisma/seed/seed-all";
import { loadActors, type TTestActor } from "../helpers/actors";
import { createTestDb, type TTestDb } from "../helpers/test-db";

// Property: whatever random workflow runs — 下达 and 分解 with targets, progress with indicator
// values (typed on leaves, refused on tasks passed down), 撤销, 转派, claims, and tree changes
// (move, merge, close), concurrently on PostgreSQL — every IndicatorRollup row and every derived
// actual equals the independent recompute (walking Org.parentId and Task.parentTaskId), and the
// task roll-ups stay exact too.
let t: TTestDb;
let A: Record<string, TTestActor>;
let seed = 20261204;
const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const token = () => crypto.randomUUID();
const today = chinaToday();
const day = (n: number) => formatDay(addDays(today, n));
/** A value with up to 6 decimal places, as a form sends it. */
const value = () => `${Math.floor(rand() * 1000)}.${String(Math.floor(rand() * 1e6)).padStart(6, "0")}`;

const EXPECTED = new Set([
  "CONFLICT",
  "INVALID_TRANSITION",
  "FORBIDDEN",
  "NOT_FOUND",
  "ALREADY_EXISTS",
  "VALIDATION",
  "INDICATOR_DERIVED",
  "ORG_TASKS_SUBMITTED",
  "ORG_CLOSED",
]);
const done = new Map<string, number>();

let measureIds: number[] = [];
let indicatorsOf = new Map<number, number[]>();
let counties: number[] = [];
/** Per org: its manager and its chair (created for every org the walk touches). */
const managerOf = new Map<number, TTestActor>();
const chairOf = new Map<number, TTestActor>();

async function openBranches(): Promise<number[]> {
  return (
    await t.db.org.findMany({
      where: { level: "GRASSROOTS", closedAt: null, parentId: { in: counties } },
      select: { id: true },
      orderBy: { id: "asc" },
    })
  ).map((o) => o.id);
}

const targetsFor = (measureId: number, orgIds: number[]) =>
  (indicatorsOf.get(measureId) ?? []).map((indicatorId) => ({
    indicatorId,
    targets: orgIds.map((orgId) => ({ orgId, target: value() })),
  }));

async function step(): Promise<void> {
  const tasks = await t.db.task.findMany({
    where: { objectiveId: { in: measureIds } },
    select: { id: true, version: true, status: true, orgId: true, reviewOrgId: true, objectiveId: true },
  });
  const task = pick(tasks);
  const ref = { taskId: task.id, version: task.version };
  const chair = chairOf.get(task.orgId) ?? A["zhengding.chair"]!;
  const holder = managerOf.get(task.orgId) ?? A.zhengding!;
  const reviewer = managerOf.get(task.reviewOrgId) ?? A.hebei!;
  const branches = await openBranches();
  const ops: Record<string, () => Promise<unknown>> = {
    sign: () => signTask(chair, ref),
    progress: () =>
      logProgress(
        chair,
        ZLogProgress.parse({
          ...ref,
          clientToken: token(),
          percent: Math.floor(rand() * 101),
          state: "NORMAL",
          narrative: "进展",
          indicatorValues: (indicatorsOf.get(task.objectiveId) ?? [])
            .filter(() => rand() < 0.8)
            .map((indicatorId) => ({ indicatorId, value: value() })),
        }),
      ),
    cascade: async () => {
      const below = branches.filter(() => rand() < 0.5);
      if (below.length === 0) throw new AppError("VALIDATION");
      await assignTasks(
        holder,
        ZAssignTasks.parse({
          clientToken: token(),
          parentTaskId: task.id,
          objectiveIds: [task.objectiveId],
          target: { mode: "orgs", orgIds: below },
          dueDate: day(5),
          indicatorTargets: targetsFor(task.objectiveId, below),
        }),
      );
    },
    assign: async () => {
      const m = pick(measureIds);
      const to = [pick(branches)];
      await assignTasks(
        A.hebei!,
        ZAssignTasks.parse({
          clientToken: token(),
          objectiveIds: [m],
          target: { mode: "orgs", orgIds: to },
          dueDate: day(10),
          indicatorTargets: targetsFor(m, to),
        }),
      );
    },
    claim: () => claimTask(A["hengda.chair"]!, { objectiveId: pick(measureIds), dueDate: day(10) }),
    cancel: () => cancelTask(reviewer, { ...ref, reason: "调整" }),
    handBack: () => handBackTask(chair, { ...ref, reason: "不属本级" }),
    transfer: () => transferTask(reviewer, { ...ref, clientToken: token(), orgId: pick(branches) }),
    submit: () =>
      submitCompletion(chair, { ...ref, clientToken: token(), summary: "已经完成任务", attachmentIds: [] }),
    approve: () => reviewCompletion(reviewer, ZReview.parse({ ...ref, decision: "APPROVED" })),
    move: () =>
      moveOrg(A.hebei!, {
        orgId: pick(branches),
        parentId: pick(counties),
        tasks: pick(["transfer", "cancel"] as const),
        reason: "调整隶属",
      }),
    merge: () =>
      branches.length > 6
        ? mergeOrg(A.hebei!, {
            orgId: pick(branches),
            intoId: pick(branches),
            tasks: pick(["transfer", "cancel"] as const),
            reason: "合并",
          })
        : Promise.reject(new AppError("VALIDATION")),
    close: () =>
      branches.length > 6
        ? closeOrg(A.hebei!, { orgId: pick(branches), reason: "撤销", tasks: "cancel" })
        : Promise.reject(new AppError("VALIDATION")),
  };
  const likely: Record<string, string[]> = {
    PENDING_SIGN: ["sign", "sign", "sign", "handBack", "cancel"],
    HANDED_BACK: ["transfer", "transfer", "cancel"],
    IN_PROGRESS: ["progress", "progress", "progress", "cascade", "cascade", "submit", "cancel"],
    SUBMITTED: ["approve"],
  };
  const name = rand() < 0.8 && likely[task.status] ? pick(likely[task.status]!) : pick(Object.keys(ops));
  try {
    await ops[name]!();
    done.set(name, (done.get(name) ?? 0) + 1);
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (!code || !EXPECTED.has(code)) throw e;
  }
}

async function expectExact() {
  expect(await indicatorDrift(t.db)).toEqual({ rows: [], actuals: [], log: [] });
  const key = (r: TRecomputed) => `${r.orgId}:${r.objectiveId}`;
  const nonEmpty = (r: TRecomputed) =>
    r.pendingSign + r.handedBack + r.inProgress + r.submitted + r.completed + r.overdue + r.progressSum > 0;
  const [m, r] = await Promise.all([readMaintained(t.db, today), recomputeRollups(t.db, today)]);
  const mm = new Map(m.filter(nonEmpty).map((x) => [key(x), x]));
  const rr = new Map(r.filter(nonEmpty).map((x) => [key(x), x]));
  expect([...mm.keys()].sort()).toEqual([...rr.keys()].sort());
  for (const [k, v] of rr) expect(mm.get(k), k).toEqual(v);
}

beforeAll(async () => {
  t = await createTestDb();
  await seedAll(t.db, { demoUsers: true });
  const code = async (c: string) => (await t.db.org.findUniqueOrThrow({ where: { code: c } })).id;
  const hebei = await code("130000");
  const sjz = await code("130100");
  const far = (
    await t.db.org.findFirstOrThrow({
      where: { level: "COUNTY", ancestorIds: { has: hebei }, NOT: { ancestorIds: { has: sjz } } },
      orderBy: { id: "asc" },
    })
  ).id;
  counties = [await code("130123"), await code("130102"), far];
  const orgs = await t.db.org.findMany({
    where: { OR: [{ id: { in: counties } }, { parentId: { in: counties } }] },
    select: { id: true, code: true },
  });
  const existing = new Set((await t.db.user.findMany({ select: { username: true } })).map((u) => u.username));
  await t.db.user.createMany({
    data: orgs.flatMap((o) =>
      [
        { username: `m${o.code}`, role: "MANAGER" as const },
        { username: `c${o.code}`, role: "CHAIR" as const },
      ]
        .filter((u) => !existing.has(u.username))
        .map((u) => ({ ...u, name: u.username, orgId: o.id, passwordHash: "x" })),
    ),
  });
  A = await loadActors(t.db);
  for (const a of Object.values(A)) {
    if (a.role === "MANAGER" && !managerOf.has(a.orgId)) managerOf.set(a.orgId, a);
    if (a.role === "CHAIR" && !chairOf.has(a.orgId)) chairOf.set(a.orgId, a);
  }
  measureIds = (
    await t.db.objective.findMany({
      where: { level: "MEASURE", code: { startsWith: "3.4." } },
      orderBy: { id: "asc" },
      take: 3,
      select: { id: true },
    })
  ).map((m) => m.id);
  indicatorsOf = new Map();
  for (const [i, m] of measureIds.entries()) {
    const s = await t.db.indicator.create({
      data: { objectiveId: m, name: "数量", unit: "个", aggregation: "SUM" },
    });
    const v = await t.db.indicator.create({
      data: { objectiveId: m, name: "均值", unit: "%", aggregation: "AVERAGE" },
    });
    indicatorsOf.set(m, i === 2 ? [v.id] : [s.id, v.id]);
    // A retired indicator takes no new tasks.
    if (i === 2) await t.db.indicator.update({ where: { id: s.id }, data: { retiredAt: new Date() } });
  }
});
afterAll(() => t.close());

// PGlite runs one transaction at a time: concurrent steps race only on PostgreSQL.
const racing = !!process.env.TEST_DATABASE_URL;

describe("indicator roll-ups equal a recompute", () => {
  it(`after random workflows with targets, values, cancels and tree changes${racing ? ", partly concurrent" : ""}`, async () => {
    const [zd] = counties;
    // Chains to walk on: 全总 → 河北 → 正定 for every measure, with targets.
    const hebei = (await t.db.org.findUniqueOrThrow({ where: { code: "130000" } })).id;
    for (const m of measureIds) {
      await assignTasks(
        A.acftu!,
        ZAssignTasks.parse({
          clientToken: token(),
          objectiveIds: [m],
          target: { mode: "orgs", orgIds: [hebei] },
          dueDate: day(30),
          indicatorTargets: targetsFor(m, [hebei]),
        }),
      );
      const h = await t.db.task.findFirstOrThrow({ where: { objectiveId: m, orgId: hebei } });
      await signTask(A.hebei!, { taskId: h.id, version: h.version });
      await assignTasks(
        A.hebei!,
        ZAssignTasks.parse({
          clientToken: token(),
          parentTaskId: h.id,
          objectiveIds: [m],
          target: { mode: "orgs", orgIds: [zd!] },
          dueDate: day(20),
          indicatorTargets: targetsFor(m, [zd!]),
        }),
      );
      const z = await t.db.task.findFirstOrThrow({ where: { objectiveId: m, orgId: zd } });
      await signTask(A["zhengding.chair"]!, { taskId: z.id, version: z.version });
    }
    // For sure once: 正定 passes measure 0 to 恒达, which reports; 正定 and 河北 derive theirs (three levels).
    const z0 = await t.db.task.findFirstOrThrow({ where: { objectiveId: measureIds[0], orgId: zd } });
    const hengda = (await t.db.org.findUniqueOrThrow({ where: { code: "1301230001" } })).id;
    await assignTasks(
      A.zhengding!,
      ZAssignTasks.parse({
        clientToken: token(),
        parentTaskId: z0.id,
        objectiveIds: [measureIds[0]],
        target: { mode: "orgs", orgIds: [hengda] },
        dueDate: day(10),
        indicatorTargets: targetsFor(measureIds[0]!, [hengda]),
      }),
    );
    const h0 = await t.db.task.findFirstOrThrow({ where: { objectiveId: measureIds[0], orgId: hengda } });
    await signTask(A["hengda.chair"]!, { taskId: h0.id, version: h0.version });
    await logProgress(
      A["hengda.chair"]!,
      ZLogProgress.parse({
        taskId: h0.id,
        version: h0.version + 1,
        clientToken: token(),
        percent: 30,
        state: "NORMAL",
        narrative: "进展",
        indicatorValues: indicatorsOf
          .get(measureIds[0]!)!
          .map((indicatorId) => ({ indicatorId, value: value() })),
      }),
    );
    const top = await t.db.task.findFirstOrThrow({ where: { objectiveId: measureIds[0], orgId: hebei } });
    expect(
      await t.db.taskIndicator.count({ where: { taskId: { in: [top.id, z0.id] }, actual: { not: null } } }),
    ).toBe(2 * indicatorsOf.get(measureIds[0]!)!.length);
    await expectExact();
    for (let round = 0; round < 14; round++) {
      for (let i = 0; i < 8; i++) await step();
      if (racing) await Promise.all(Array.from({ length: 6 }, () => step()));
      await expectExact();
    }
    const counts = JSON.stringify(Object.fromEntries(done));
    if (process.env.DEBUG_WALK) console.log(counts);
    for (const op of ["progress", "cascade", "sign"])
      expect(done.get(op) ?? 0, `${op}: ${counts}`).toBeGreaterThan(0);
    // The retired indicator was never carried by a task created after it was retired.
    const retired = await t.db.indicator.findMany({
      where: { retiredAt: { not: null } },
      select: { id: true },
    });
    expect(await t.db.taskIndicator.count({ where: { indicatorId: { in: retired.map((r) => r.id) } } })).toBe(
      0,
    );
  });
});
