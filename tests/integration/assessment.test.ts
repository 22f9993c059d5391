import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chinaToday, formatDay } from "@/lib/dates";
import { ZAssignTasks, ZReview } from "@/features/tasks/schemas";
import { assignTasks } from "@/features/tasks/server/assign-tasks";
import { cancelTask } from "@/features/tasks/server/cancel-task";
import { logProgress } from "@/features/tasks/server/log-progress";
import { nudgeTask } from "@/features/tasks/server/nudge-comment";
import { reviewCompletion } from "@/features/tasks/server/review-completion";
import { signTask } from "@/features/tasks/server/sign-task";
import { submitCompletion } from "@/features/tasks/server/submit-completion";
import { ZSchemeRules } from "@/features/assessment/schemas";
import { computeScores, loadScheme } from "@/features/assessment/server/compute";
import { readFactRows } from "@/features/assessment/server/facts";
import { seedAll } from "@/prisma/seed/seed-all";
import { loadActors, type TTestActor } from "../helpers/actors";
import { createTestDb, type TTestDb } from "../helpers/test-db";

// 考评 from the record, every figure by hand. 河北 scores its 11 cities for this year (Y) with
// base 80 and: 完成任务 2 points × priority weight (HIGH 1.5, NORMAL 1), 按期完成 +1, 职工书屋数
// 10 points × share of target (cap 1), 按时报送 +0.5; 逾期 −2, 退办 −1, 催办 −0.5, 迟报 −0.5,
// 漏报 −1. Bands 90 / 80 / 60; a veto caps at 不合格. What happened (dates in Y, set in the
// database where the write path would stamp today; every task made on 5 January):
//
//   石家庄  A (HIGH, due 31 Mar) done 20 Mar        → 3 + 1
//           B (due 30 Jun) done 10 Jul (late)       → 2, 逾期 −2
//           C (due 31 Dec) open; reports: January on time (20 Jan) +0.5, February 漏报 (closed 1 Mar) −1
//           D 职工书屋数 target 100: 40 on 1 Apr, 80 on 1 Sep → 10 × 0.8 = 8
//           item: 扣分 1.5 (from 1 Nov)             → 80+3+1+2−2+0.5−1+8−1.5 = 90 优秀
//   唐山    A (due 31 Mar) open: 逾期 −2; 催办 twice on 1 May −1
//           B (due 30 Jun) returned 1 Jun (−1), done 20 Jun → 2 + 1
//           C cancelled (today) → nothing;  D target 50, nothing reported → 0
//           item: 加分 2 (from 1 Nov)                → 80−2−1−1+2+1+2 = 81 良好
//   邯郸    veto (from 1 Nov)                        → 80, 不合格
//   the other 8 cities                               → 80 良好
//
// As of 1 May: 石家庄 A done +3 +1, D 40 → 4, reports +0.5 −1 = 87.5 良好 (B not yet late);
// 唐山 A overdue −2, 催办 −1 = 77 合格 (C not yet cancelled, not due); items not yet → 邯郸 80 良好.
let t: TTestDb;
let A: Record<string, TTestActor>;
const Y = chinaToday().getUTCFullYear();
const day = (m: number, d: number) => new Date(Date.UTC(Y, m - 1, d));
const noon = (m: number, d: number) => new Date(Date.UTC(Y, m - 1, d, 4));
const token = () => crypto.randomUUID();
const org = (code: string) => t.db.org.findUniqueOrThrow({ where: { code } });

beforeAll(async () => {
  t = await createTestDb();
  await seedAll(t.db, { demoUsers: true });
  A = await loadActors(t.db);
});
afterAll(async () => t?.close());

describe("考评 scores from the record", () => {
  it("scores 河北's cities by hand, as of the year's end and as of 1 May", async () => {
    const [hebei, sjz, ts, hd] = await Promise.all([
      org("130000"),
      org("130100"),
      org("130200"),
      org("130400"),
    ]);
    // Accounts the demo data lacks: a 唐山 manager and a 石家庄 chair (who logs progress).
    const account = async (username: string, like: TTestActor, o: { id: number; name: string }) => {
      const u = await t.db.user.create({
        data: { username, name: username, role: like.role, orgId: o.id, passwordHash: "x" },
      });
      return { ...like, id: u.id, username, orgId: o.id, orgName: o.name };
    };
    const tsActor = await account("tangshan", A.shijiazhuang!, ts);
    const sjzChair = await account("sjz.chair", A["zhengding.chair"]!, sjz);
    const sjzActor = A.shijiazhuang!;
    const [mA, mB, mC, mD] = await Promise.all(
      ["3.2.1.1", "3.2.1.2", "3.2.1.3", "3.2.1.4"].map((code) =>
        t.db.objective.findUniqueOrThrow({ where: { code } }),
      ),
    );
    const books = await t.db.indicator.findFirstOrThrow({
      where: { objectiveId: mD!.id, name: "职工书屋数" },
    });
    const assign = (objectiveId: number, priority = "NORMAL", extra: object = {}) =>
      assignTasks(
        A.hebei!,
        ZAssignTasks.parse({
          clientToken: token(),
          dueDate: formatDay(day(12, 31)),
          priority,
          objectiveIds: [objectiveId],
          target: { mode: "orgs", orgIds: [sjz.id, ts.id] },
          ...extra,
        }),
      );
    await assign(mA!.id, "HIGH");
    await assign(mB!.id);
    await assign(mC!.id);
    await assign(mD!.id, "NORMAL", {
      indicatorTargets: [
        {
          indicatorId: books.id,
          targets: [
            { orgId: sjz.id, target: "100" },
            { orgId: ts.id, target: "50" },
          ],
        },
      ],
    });
    await t.db.task.updateMany({ where: { reviewOrgId: hebei.id }, data: { createdAt: noon(1, 5) } });
    const task = (m: { id: number }, o: { id: number }) =>
      t.db.task.findFirstOrThrow({ where: { objectiveId: m.id, orgId: o.id } });
    const setDue = (m: { id: number }, due: Date) =>
      t.db.task.updateMany({ where: { objectiveId: m.id }, data: { dueDate: due } });
    await setDue(mA!, day(3, 31));
    await setDue(mB!, day(6, 30));

    const sign = async (a: TTestActor, m: { id: number }, o: { id: number }) => {
      const x = await task(m, o);
      await signTask(a, { taskId: x.id, version: x.version }, noon(1, 6));
    };
    const submit = async (a: TTestActor, m: { id: number }, o: { id: number }) => {
      const x = await task(m, o);
      await submitCompletion(a, {
        taskId: x.id,
        version: x.version,
        clientToken: token(),
        summary: "已全部完成",
        attachmentIds: [],
      });
    };
    const review = async (m: { id: number }, o: { id: number }, decision: "APPROVED" | "RETURNED") => {
      const x = await task(m, o);
      await reviewCompletion(
        A.hebei!,
        ZReview.parse({
          taskId: x.id,
          version: x.version,
          decision,
          note: decision === "RETURNED" ? "材料不全" : undefined,
        }),
      );
    };
    const completedAt = async (m: { id: number }, o: { id: number }, at: Date) =>
      t.db.task.update({ where: { id: (await task(m, o)).id }, data: { completedAt: at } });

    // 石家庄: A done 20 Mar, B done 10 Jul, D reported 40 then 80.
    for (const m of [mA!, mB!, mD!]) await sign(sjzActor, m, sjz);
    for (const m of [mA!, mB!]) {
      await submit(sjzActor, m, sjz);
      await review(m, sjz, "APPROVED");
    }
    await completedAt(mA!, sjz, noon(3, 20));
    await completedAt(mB!, sjz, noon(7, 10));
    for (const [value, at] of [
      ["40", noon(4, 1)],
      ["80", noon(9, 1)],
    ] as const) {
      const x = await task(mD!, sjz);
      await logProgress(
        sjzChair,
        {
          taskId: x.id,
          version: x.version,
          clientToken: token(),
          percent: 50,
          state: "NORMAL",
          narrative: "书屋建设",
          attachmentIds: [],
          indicatorValues: [{ indicatorId: books.id, value }],
        },
        at,
      );
    }
    // 石家庄's C: reports of January (on time) and February (漏报).
    const rule = await t.db.reportingRule.create({
      data: {
        objectiveId: mC!.id,
        orgId: hebei.id,
        frequency: "MONTHLY",
        dueDay: 25,
        startDate: day(1, 1),
        endDate: day(12, 31),
        createdById: A.hebei!.id,
      },
    });
    const jan = await t.db.reportingPeriod.create({
      data: {
        ruleId: rule.id,
        startDate: day(1, 1),
        endDate: day(1, 31),
        dueDate: day(1, 25),
        status: "CLOSED",
        closedAt: noon(2, 1),
      },
    });
    const feb = await t.db.reportingPeriod.create({
      data: {
        ruleId: rule.id,
        startDate: day(2, 1),
        endDate: day(2, 28),
        dueDate: day(2, 25),
        status: "CLOSED",
        closedAt: noon(3, 1),
      },
    });
    const sjzC = await task(mC!, sjz);
    await t.db.periodReport.createMany({
      data: [
        { periodId: jan.id, taskId: sjzC.id, status: "ON_TIME", reportedAt: noon(1, 20) },
        { periodId: feb.id, taskId: sjzC.id, status: "MISSING" },
      ],
    });

    // 唐山: A nudged twice (1 May), B returned (1 Jun) then done 20 Jun, C cancelled today.
    for (const m of [mA!, mB!]) await sign(tsActor, m, ts);
    const tsA = await task(mA!, ts);
    await nudgeTask(A.hebei!, { taskId: tsA.id, message: "请抓紧" });
    await nudgeTask(A.hebei!, { taskId: tsA.id });
    await t.db.taskEvent.updateMany({
      where: { taskId: tsA.id, type: "NUDGED" },
      data: { createdAt: noon(5, 1) },
    });
    await submit(tsActor, mB!, ts);
    await review(mB!, ts, "RETURNED");
    const tsB = await task(mB!, ts);
    await t.db.taskEvent.updateMany({
      where: { taskId: tsB.id, type: "RETURNED" },
      data: { createdAt: noon(6, 1) },
    });
    await submit(tsActor, mB!, ts);
    await review(mB!, ts, "APPROVED");
    await completedAt(mB!, ts, noon(6, 20));
    const tsC = await task(mC!, ts);
    await cancelTask(A.hebei!, { taskId: tsC.id, version: tsC.version, reason: "职责调整" });

    // The scheme and its manual items (from 1 November).
    const rules = ZSchemeRules.parse({
      base: 80,
      rules: [
        { id: "done", kind: "COMPLETED", points: 2, weights: { LOW: 0.5, NORMAL: 1, HIGH: 1.5, URGENT: 2 } },
        { id: "ontime", kind: "ON_TIME", points: 1 },
        { id: "books", kind: "INDICATOR", indicatorId: books.id, points: 10, capRatio: 1 },
        { id: "rep", kind: "REPORT_ON_TIME", points: 0.5 },
        { id: "overdue", kind: "OVERDUE", points: 2 },
        { id: "ret", kind: "RETURNED", points: 1 },
        { id: "nudge", kind: "NUDGED", points: 0.5 },
        { id: "late", kind: "LATE_REPORT", points: 0.5 },
        { id: "miss", kind: "MISSING_REPORT", points: 1 },
      ],
      bands: { EXCELLENT: 90, GOOD: 80, PASS: 60 },
    });
    const s = await t.db.assessmentScheme.create({
      data: {
        orgId: hebei.id,
        year: Y,
        title: "年度考评",
        scope: "DIRECT",
        rules,
        status: "PUBLISHED",
        createdById: A.hebei!.id,
      },
    });
    type TKind = "BONUS" | "DEDUCTION" | "VETO";
    const item = (orgId: number, [kind, points, reason]: [TKind, number, string]) => ({
      seriesId: s.id,
      orgId,
      kind,
      points,
      reason,
      day: day(11, 1),
      createdById: A.hebei!.id,
    });
    await t.db.assessmentItem.createMany({
      data: [
        item(sjz.id, ["DEDUCTION", 1.5, "信息报送差错"]),
        item(ts.id, ["BONUS", 2, "抢险救灾表彰"]),
        item(hd.id, ["VETO", 0, "重大安全事故"]),
        { ...item(ts.id, ["BONUS", 50, "撤回的加分"]), withdrawnAt: new Date() },
      ],
    });
    const scheme = (await loadScheme(t.db, s.id))!;

    const yearEnd = await computeScores(t.db, scheme, day(12, 31));
    expect(yearEnd).toHaveLength(11);
    const by = new Map(yearEnd.map((x) => [x.code, x]));
    const lines = (code: string) =>
      Object.fromEntries(by.get(code)!.lines.map((l) => [l.key, [l.count, l.points]]));
    expect(lines("130100")).toEqual({
      done: [2, 5],
      ontime: [1, 1],
      books: [1, 8],
      rep: [1, 0.5],
      overdue: [1, -2],
      ret: [0, 0],
      nudge: [0, 0],
      late: [0, 0],
      miss: [1, -1],
      [`item:${(await t.db.assessmentItem.findFirstOrThrow({ where: { orgId: sjz.id } })).id}`]: [1, -1.5],
    });
    expect(lines("130200")).toMatchObject({
      done: [1, 2],
      ontime: [1, 1],
      books: [1, 0],
      overdue: [1, -2],
      ret: [1, -1],
      nudge: [2, -1],
    });
    const summary = (x: (typeof yearEnd)[number]) => [x.code, x.total, x.grade, x.rank];
    expect(yearEnd.slice(0, 2).map(summary)).toEqual([
      ["130100", 90, "EXCELLENT", 1],
      ["130200", 81, "GOOD", 2],
    ]);
    expect(summary(by.get("130400")!)).toEqual(["130400", 80, "FAIL", 3]);
    expect(yearEnd.slice(2).every((x) => x.total === 80 && x.rank === 3)).toBe(true);
    expect(yearEnd.filter((x) => x.grade === "GOOD").length).toBe(9); // 唐山 and 8 cities

    // The explanations name the same records the counts counted.
    const rows = await readFactRows(t.db, { units: [sjz.id], planId: null, year: Y, asOf: day(12, 31) });
    const sjzIds = { A: (await task(mA!, sjz)).id, B: (await task(mB!, sjz)).id };
    expect(rows.map((r) => [r.kind, r.ref, r.extra])).toEqual([
      ["COMPLETED", sjzIds.A, "HIGH"],
      ["COMPLETED", sjzIds.B, "NORMAL"],
      ["MISSING_REPORT", sjzC.id, `${Y}-02-01/${Y}-02-28`],
      ["ON_TIME", sjzIds.A, null],
      ["OVERDUE", sjzIds.B, null],
      ["REPORT_ON_TIME", sjzC.id, `${Y}-01-01/${Y}-01-31`],
    ]);

    // As of 1 May: the record of that day only.
    const may = new Map((await computeScores(t.db, scheme, day(5, 1))).map((x) => [x.code, x]));
    expect([may.get("130100")!.total, may.get("130100")!.grade]).toEqual([87.5, "GOOD"]);
    expect([may.get("130200")!.total, may.get("130200")!.grade]).toEqual([77, "PASS"]);
    expect([may.get("130400")!.total, may.get("130400")!.grade, may.get("130400")!.vetoed]).toEqual([
      80,
      "GOOD",
      false,
    ]);
  });
});
