import crypto from "node:crypto";
import type { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createExport } from "@/features/exports/server/export-file";
import { findObjectives } from "@/features/objectives/server/find-objectives";
import { getObjectiveTree } from "@/features/objectives/server/get-objective-tree";
import { resolveCurrentPlan } from "@/features/plans/server/current-plan";
import { canEditPlan, listVisiblePlans } from "@/features/plans/server/visible-plans";
import { getCompletion } from "@/features/rollups/server/get-completion";
import { getHeatmap } from "@/features/rollups/server/get-heatmap";
import { readTrend, takeSnapshots } from "@/features/rollups/server/snapshots";
import { ZAssignTasks, ZTaskFilters } from "@/features/tasks/schemas";
import { getAssignContext } from "@/features/tasks/server/assign-context";
import { assignTasks } from "@/features/tasks/server/assign-tasks";
import { claimTask } from "@/features/tasks/server/claim-task";
import { listClaimable } from "@/features/tasks/server/list-claimable";
import { taskFilterWhere } from "@/features/tasks/server/list-tasks";
import { addDays, chinaToday, formatDay } from "@/lib/dates";
import { planPrefixOf } from "@/lib/objective-code";
import { seedAll } from "@/prisma/seed/seed-all";
import { codeOf, loadActors, type TTestActor } from "../helpers/actors";
import { createTestDb, type TTestDb } from "../helpers/test-db";

// Several plans side by side (issue 13, section 3): who sees which plan, which plan is current by
// default, and that the task list, the completion views, the trend and the exports count only the
// current plan's tasks. Every expected figure is counted by hand from what this file creates.
let t: TTestDb;
let A: Record<string, TTestActor>;
const today = chinaToday();
const DUE = formatDay(addDays(today, 60));
const org = (code: string) => t.db.org.findUniqueOrThrow({ where: { code } });
const obj = (code: string) => t.db.objective.findUniqueOrThrow({ where: { code } });
const prefixes = async (actor: TTestActor) =>
  (await listVisiblePlans(actor, t.db)).plans.map((p) => p.codePrefix).sort();

type TNode = { code: string; level: "PLAN" | "MAIN_TASK" | "SUB_ITEM" | "MEASURE"; retired?: boolean };

/** A plan with its objectives (codes under its prefix), issued by org `issuer`. */
async function makePlan(p: { prefix: string; issuer: string; start: number; end: number; nodes: TNode[] }) {
  const plan = await t.db.plan.create({
    data: {
      codePrefix: p.prefix,
      title: `${p.prefix} 工作要点`,
      kind: "WORK_POINTS",
      periodStart: addDays(today, p.start),
      periodEnd: addDays(today, p.end),
      issuingOrgId: (await org(p.issuer)).id,
    },
  });
  const ids = new Map<string, number>();
  for (const [i, n] of [{ code: p.prefix, level: "PLAN" as const }, ...p.nodes].entries()) {
    const parent = n.code.includes(".") ? ids.get(n.code.slice(0, n.code.lastIndexOf("."))) : null;
    const row = await t.db.objective.create({
      data: {
        code: n.code,
        level: n.level,
        planId: plan.id,
        parentId: parent ?? null,
        title: `${n.code} 开展劳动竞赛`,
        sourceText: `${n.code} 深入开展劳动竞赛。`,
        sortOrder: i,
        retiredAt: "retired" in n && n.retired ? new Date() : null,
      },
    });
    ids.set(n.code, row.id);
  }
  return plan;
}

const assign = async (actor: TTestActor, codes: string[], target: Record<string, unknown>) =>
  assignTasks(
    actor,
    ZAssignTasks.parse({
      clientToken: crypto.randomUUID(),
      dueDate: DUE,
      objectiveIds: await Promise.all(codes.map(async (c) => (await obj(c)).id)),
      target,
    }),
  );

async function text(body: Readable): Promise<string> {
  const parts: Buffer[] = [];
  for await (const b of body) parts.push(Buffer.from(b as Buffer));
  return Buffer.concat(parts).toString("utf8");
}

let hbt: { id: number; codePrefix: string; title: string };
let report: { id: number };

beforeAll(async () => {
  t = await createTestDb();
  await seedAll(t.db, { demoUsers: true });
  A = await loadActors(t.db);
  report = await t.db.plan.findUniqueOrThrow({ where: { codePrefix: "3" } });
  // 河北's plan of this year (covers today), with one retired measure; 湖北's, started later; a
  // plan of 正定县 (inside 河北); a national plan that ended last month.
  hbt = await makePlan({
    prefix: "HBT",
    issuer: "130000",
    start: -30,
    end: 300,
    nodes: [
      { code: "HBT.1", level: "MAIN_TASK" },
      { code: "HBT.1.1", level: "SUB_ITEM" },
      { code: "HBT.1.1.1", level: "MEASURE" },
      { code: "HBT.1.1.2", level: "MEASURE", retired: true },
      { code: "HBT.1.1.3", level: "MEASURE" },
    ],
  });
  await makePlan({
    prefix: "HUB",
    issuer: "420000",
    start: -10,
    end: 300,
    nodes: [
      { code: "HUB.1", level: "MAIN_TASK" },
      { code: "HUB.1.1", level: "SUB_ITEM" },
      { code: "HUB.1.1.1", level: "MEASURE" },
    ],
  });
  await makePlan({ prefix: "ZDT", issuer: "130123", start: -400, end: -40, nodes: [] });
  await makePlan({ prefix: "QZT", issuer: "000000", start: -400, end: -30, nodes: [] });
});
afterAll(() => t.close());

describe("which plans a user sees", () => {
  it("its own org's and its ancestors' plans; a manager also those issued inside its subtree", async () => {
    // A county in 河北 sees the national plans, 河北's and its own; never 湖北's.
    expect(await prefixes(A.zhengding!)).toEqual(["3", "HBT", "QZT", "ZDT"]);
    expect(await prefixes(A["zhengding.staff"]!)).toEqual(["3", "HBT", "QZT", "ZDT"]);
    // A grassroots union under 正定 sees its county's plan too (an ancestor's).
    expect(await prefixes(A["hengda.chair"]!)).toEqual(["3", "HBT", "QZT", "ZDT"]);
    // A county in 湖北: the national ones and 湖北's.
    expect(await prefixes(A.wuchang!)).toEqual(["3", "HUB", "QZT"]);
    expect(await prefixes(A["wuchang.staff"]!)).toEqual(["3", "HUB", "QZT"]);
    // Managers (plan:manage) see the plans issued below them: 河北 sees 正定's, 石家庄 too; 湖北 not.
    expect(await prefixes(A.hebei!)).toEqual(["3", "HBT", "QZT", "ZDT"]);
    expect(await prefixes(A.shijiazhuang!)).toEqual(["3", "HBT", "QZT", "ZDT"]);
    expect(await prefixes(A.hubei!)).toEqual(["3", "HUB", "QZT"]);
    expect(await prefixes(A.acftu!)).toEqual(["3", "HBT", "HUB", "QZT", "ZDT"]);
  });
  it("a plan manager edits the plans issued inside its subtree only", async () => {
    const editable = async (actor: TTestActor) =>
      (await listVisiblePlans(actor, t.db)).plans
        .filter((p) => canEditPlan(actor, p))
        .map((p) => p.codePrefix)
        .sort();
    expect(await editable(A.hebei!)).toEqual(["HBT", "ZDT"]);
    expect(await editable(A.zhengding!)).toEqual(["ZDT"]);
    expect(await editable(A.acftu!)).toEqual(["3", "HBT", "HUB", "QZT", "ZDT"]);
    expect(await editable(A["zhengding.staff"]!)).toEqual([]); // no plan:manage
    expect(await editable(A.wuchang!)).toEqual([]);
  });
});

describe("the current plan", () => {
  const current = async (actor: TTestActor, o: { param?: string; cookie?: string; today?: Date } = {}) =>
    (await resolveCurrentPlan(actor, { ...o, db: t.db })).current?.codePrefix;
  it("defaults to the closest issuer whose period covers today, the most recent on a tie", async () => {
    expect(await current(A.zhengding!)).toBe("HBT"); // 河北 (1 level up) covers today; 正定's own ended
    expect(await current(A["hengda.chair"]!)).toBe("HBT");
    expect(await current(A.wuchang!)).toBe("HUB");
    expect(await current(A.hebei!)).toBe("HBT"); // its own
    // 全总: HBT and HUB both one level below and current: HUB started later.
    expect(await current(A.acftu!)).toBe("HUB");
  });
  it("falls back to the 17th report when no visible plan covers today", async () => {
    expect(await current(A.zhengding!, { today: addDays(today, 400) })).toBe("3");
  });
  it("takes ?plan= first, then the cookie, each only when visible", async () => {
    expect(await current(A.zhengding!, { param: "3", cookie: "HBT" })).toBe("3");
    expect(await current(A.zhengding!, { cookie: "3" })).toBe("3");
    // 湖北's plan is not 正定's to see: ignored, whether asked by link or by cookie.
    expect(await current(A.zhengding!, { param: "HUB", cookie: "3" })).toBe("3");
    expect(await current(A.zhengding!, { param: "HUB" })).toBe("HBT");
    expect(await current(A.zhengding!, { param: "3.1" })).toBe("HBT"); // not a prefix
  });
});

describe("filtered by plan", () => {
  let sjz: { id: number };
  let hebei: { id: number };
  beforeAll(async () => {
    sjz = await org("130100");
    hebei = await org("130000");
    const counties = { mode: "level", level: "COUNTY", underOrgId: sjz.id };
    // 石家庄 has 22 counties. HBT's sub-item stands for its 2 live measures: 44 tasks; one measure
    // of the report: 22 tasks; 湖北 gives its own measure to 武汉: 1 task.
    expect((await assign(A.hebei!, ["HBT.1.1"], counties)).created).toBe(44);
    expect((await assign(A.hebei!, ["3.4.1.1"], counties)).created).toBe(22);
    expect(
      (await assign(A.hubei!, ["HUB.1.1.1"], { mode: "orgs", orgIds: [(await org("420100")).id] })).created,
    ).toBe(1);
  });

  it("the task list counts only the plan's tasks", async () => {
    const count = (actor: TTestActor, q: Record<string, string>) =>
      t.db.task.count({ where: taskFilterWhere(actor, ZTaskFilters.parse(q), { today }) });
    expect(await count(A.hebei!, { plan: "HBT" })).toBe(44);
    expect(await count(A.hebei!, { plan: "3" })).toBe(22);
    expect(await count(A.hebei!, {})).toBe(66);
    expect(await count(A.zhengding!, { plan: "HBT" })).toBe(2);
    expect(await count(A.acftu!, { plan: "HUB" })).toBe(1);
    // Not a plan prefix: the filter is dropped (as the page then puts the current plan in).
    expect(ZTaskFilters.parse({ plan: "HBT.1" }).plan).toBeUndefined();
  });

  it("the assign form offers only the current plan's live objectives, and the server refuses others", async () => {
    const ctx = await getAssignContext(A.hebei!, { planId: hbt.id });
    expect(ctx!.nodes.map((n) => n.code)).toEqual(["HBT.1", "HBT.1.1", "HBT.1.1.1", "HBT.1.1.3"]);
    const reportCtx = await getAssignContext(A.hebei!, { planId: report.id });
    expect(reportCtx!.nodes.every((n) => n.code.startsWith("3."))).toBe(true);
    const to = { mode: "orgs", orgIds: [sjz.id] };
    // A retired measure, and a measure of a plan the assigner does not see: like an unknown objective.
    expect(await codeOf(assign(A.hebei!, ["HBT.1.1.2"], to))).toBe("VALIDATION");
    expect(await codeOf(assign(A.hebei!, ["HUB.1.1.1"], to))).toBe("VALIDATION");
    expect(await t.db.task.count({ where: { objective: { code: "HBT.1.1.2" } } })).toBe(0);
  });

  it("the completion views and the trend count only the plan's measures", async () => {
    const region = async (actor: TTestActor, orgId: number, plan?: string) =>
      (await getCompletion(actor, { orgId, plan }))!.region.total;
    expect(await region(A.hebei!, hebei.id, "HBT")).toBe(44);
    expect(await region(A.hebei!, hebei.id, "3")).toBe(22);
    expect(await region(A.hebei!, hebei.id)).toBe(66);
    // The national figures (the sum of the provinces) of one plan.
    const root = await org("000000");
    expect(await region(A.acftu!, root.id, "HBT")).toBe(44);
    expect(await region(A.acftu!, root.id, "HUB")).toBe(1);
    expect(await region(A.acftu!, root.id, "3")).toBe(22);
    const c = await getCompletion(A.hebei!, { orgId: hebei.id, plan: "HBT" });
    expect(c!.byMainTask.map((m) => [m.code, m.metrics.total])).toEqual([["HBT.1", 44]]);
    // An objective of another plan is not in this plan's scope.
    expect(await getCompletion(A.hebei!, { orgId: hebei.id, plan: "HBT", objective: "3.4" })).toBeNull();
    const heat = await getHeatmap(A.hebei!, { orgId: hebei.id, plan: "HBT" });
    expect(heat!.columns.map((x) => x.code)).toEqual(["HBT.1"]);
    expect(heat!.rows.map((r) => r.cells[0]!.total)).toEqual([44]); // only 石家庄 holds tasks

    await takeSnapshots(t.db, today);
    const last = async (orgId: number, planId?: number) =>
      (await readTrend(t.db, { orgId, planId, today })).at(-1)?.total;
    expect(await last(hebei.id, hbt.id)).toBe(44);
    expect(await last(hebei.id, report.id)).toBe(22);
    expect(await last(hebei.id)).toBe(66);
    expect(await last(root.id, hbt.id)).toBe(44);
  });

  it("the exports hold only the plan's tasks and name the plan in the file", async () => {
    const file = async (kind: "ledger" | "completion", plan: typeof hbt | null) =>
      (await createExport(A.hebei!, { kind, orgId: hebei.id, plan, format: "csv", locale: "zh-CN" }))!;
    const ledger = await file("ledger", hbt);
    expect(ledger.fileName).toBe(`台账-河北省总工会-HBT-${formatDay(today)}.csv`);
    expect(ledger.asciiName).toBe(`ledger-130000-HBT-${formatDay(today)}.csv`);
    const rows = (await text(ledger.body)).split("\r\n").filter((l) => /(^|,)HBT\.1\.1\.\d/.test(l));
    const all = (await text((await file("ledger", null)).body)).split("\r\n");
    expect(rows).toHaveLength(44);
    expect(all.filter((l) => /(^|,)3\.4\.1\.1(,|$)/.test(l))).toHaveLength(22);
    const report3 = await file("ledger", { ...hbt, codePrefix: "3", title: "十七大报告" });
    expect((await text(report3.body)).includes("HBT.")).toBe(false);
    const completion = await file("completion", hbt);
    expect(completion.fileName).toBe(`完成情况-河北省总工会-HBT-${formatDay(today)}.csv`);
    const csv = await text(completion.body);
    expect(csv).toContain("计划：HBT 工作要点");
    // 石家庄's row: 44 tasks (not 66).
    expect(csv.split("\r\n").find((l) => l.includes("石家庄"))).toMatch(/石家庄[^,]*,44,/);
    // An objective outside the plan: not found.
    expect(
      await createExport(A.hebei!, {
        kind: "ledger",
        orgId: hebei.id,
        plan: hbt,
        objective: "3.4",
        format: "csv",
        locale: "zh-CN",
      }),
    ).toBeNull();
  });

  it("the objective tree and search stay inside the plan", async () => {
    const [root] = await getObjectiveTree(hbt.id);
    expect(root!.code).toBe("HBT");
    expect(root!.measureCount).toBe(3);
    const inHbt = (await findObjectives("竞赛", hbt.id)).hits.map((h) => h.code);
    expect(inHbt.length).toBeGreaterThan(0);
    expect(inHbt.every((c) => planPrefixOf(c) === "HBT")).toBe(true);
    const inReport = (await findObjectives("竞赛", report.id)).hits.map((h) => h.code);
    expect(inReport.length).toBeGreaterThan(0);
    expect(inReport.every((c) => planPrefixOf(c) === "3")).toBe(true);
  });

  // Last: a claim adds a task to the figures counted above.
  it("认领 offers the current plan's live measures, and refuses retired or invisible ones", async () => {
    const offered = (await listClaimable(A["hengda.chair"]!, undefined, hbt.id)).map((m) => m.code);
    expect(offered).toEqual(["HBT.1.1.1", "HBT.1.1.3"]);
    const claim = async (actor: TTestActor, code: string) =>
      claimTask(actor, { objectiveId: (await obj(code)).id, dueDate: DUE });
    expect(await codeOf(claim(A["hengda.chair"]!, "HBT.1.1.2"))).toBe("NOT_FOUND"); // retired
    expect(await codeOf(claim(A["wuchang.chair"]!, "HBT.1.1.1"))).toBe("NOT_FOUND"); // 河北's plan
    expect(await codeOf(claim(A["hengda.chair"]!, "HBT.1.1.3"))).toBe("OK");
  });
});
