import crypto from "node:crypto";
import type { Readable } from "node:stream";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { NextIntlClientProvider } from "next-intl";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { IndicatorBulletin } from "@/features/indicators/components/indicator-bulletin";
import { IndicatorHeatmap } from "@/features/indicators/components/indicator-heatmap";
import {
  getIndicatorCompletion,
  listIndicatorOptions,
} from "@/features/indicators/server/get-indicator-completion";
import { rebuildIndicatorRollups } from "@/features/indicators/server/rebuild-indicators";
import { createExport } from "@/features/exports/server/export-file";
import { ZAssignTasks } from "@/features/tasks/schemas";
import { assignTasks } from "@/features/tasks/server/assign-tasks";
import { cancelTask } from "@/features/tasks/server/cancel-task";
import { signTask } from "@/features/tasks/server/sign-task";
import { addDays, chinaToday, formatDay } from "@/lib/dates";
import { AppError } from "@/lib/errors";
import { MESSAGES } from "@/lib/i18n/messages";
import { demoPlanPrefix, seedDemoPlan } from "@/prisma/seed/demo-plan";
import { seedAll } from "@/prisma/seed/seed-all";
import { loadActors, type TTestActor } from "../helpers/actors";
import { createTestDb, type TTestDb } from "../helpers/test-db";

// The indicator views against figures worked out by hand. 全总 gives measure 3.6.1.1 to the 31
// provinces; 河北 passes its task to 正定 and a second county of 石家庄 (X); 正定 passes its task to
// its 4 branches (b1…b4) and cancels b4's. Indicator rows are written directly (the write path is
// not this file's subject) and the roll-ups rebuilt:
//   I1 新建工会数 (SUM, 家)          target / actual
//     河北 200 / 85, 山西 100 / 40, 正定 120 / 75, X 80 / 10, b1 30 / 30, b2 30 / 45, b3 30 / —, b4 30 / 5 (cancelled)
//   I2 入会率 (AVERAGE, %)
//     正定 90 / 73.333333, b1 80 / 70, b2 100 / 90, b3 — / 60
const session = vi.hoisted(() => ({ user: null as unknown }));
vi.mock("@/lib/auth/session", () => ({
  authorize: async (permission: string) => {
    const u = session.user as TTestActor | null;
    if (!u) throw new AppError("UNAUTHENTICATED");
    if (!u.permissions.has(permission as never)) throw new AppError("FORBIDDEN");
    return u;
  },
}));
vi.mock("next/headers", () => ({ cookies: async () => ({ get: () => undefined }) }));
const { GET } = await import("@/app/api/exports/[kind]/route");

let t: TTestDb;
let A: Record<string, TTestActor>;
const today = chinaToday();
const token = () => crypto.randomUUID();
const org = (code: string) => t.db.org.findUniqueOrThrow({ where: { code } });
const ids = {} as Record<"root" | "hebei" | "shanxi" | "sjz" | "zd" | "x" | "hubei", number>;
let branches: { id: number; name: string }[] = [];
let I1: number;
let I2: number;
let IHB: number;

const pick = (m: { target: number | null; actual: number | null; rate: number | null; tasks: number }) => ({
  tasks: m.tasks,
  target: m.target,
  actual: m.actual === null ? null : Math.round(m.actual * 1e6) / 1e6,
  rate: m.rate === null ? null : Math.round(m.rate * 1e6) / 1e6,
});
const fig = (tasks: number, target: number | null, actual: number | null) => ({
  tasks,
  target,
  actual,
  rate: target && actual !== null ? Math.round((actual / target) * 1e6) / 1e6 : null,
});
const view = (user: TTestActor, [orgId, indicatorId]: [number, number], more: Record<string, string> = {}) =>
  getIndicatorCompletion(user, { orgId, indicatorId, ...more });

beforeAll(async () => {
  t = await createTestDb();
  await seedAll(t.db, { demoUsers: true });
  await seedDemoPlan(t.db);
  A = await loadActors(t.db);
  const m = await t.db.objective.findUniqueOrThrow({ where: { code: "3.6.1.1" } });
  ids.root = (await org("000000")).id;
  ids.hebei = (await org("130000")).id;
  ids.shanxi = (await org("140000")).id;
  ids.sjz = (await org("130100")).id;
  ids.zd = (await org("130123")).id;
  ids.hubei = (await org("420000")).id;
  ids.x = (
    await t.db.org.findFirstOrThrow({
      where: { parentId: ids.sjz, level: "COUNTY", id: { not: ids.zd } },
      orderBy: { code: "asc" },
    })
  ).id;
  branches = await t.db.org.findMany({
    where: { parentId: ids.zd },
    orderBy: { code: "asc" },
    select: { id: true, name: true },
  });
  expect(branches).toHaveLength(4);

  const due = formatDay(addDays(today, 60));
  const assign = (actor: TTestActor, over: Record<string, unknown>) =>
    assignTasks(
      actor,
      ZAssignTasks.parse({ clientToken: token(), dueDate: due, objectiveIds: [m.id], ...over }),
    );
  const taskOf = (orgId: number) => t.db.task.findFirstOrThrow({ where: { objectiveId: m.id, orgId } });
  await assign(A.acftu!, { target: { mode: "level", level: "PROVINCE", underOrgId: ids.root } });
  const hb = await taskOf(ids.hebei);
  await signTask(A.hebei!, { taskId: hb.id, version: hb.version });
  await assign(A.hebei!, { parentTaskId: hb.id, target: { mode: "orgs", orgIds: [ids.zd, ids.x] } });
  const zd = await taskOf(ids.zd);
  await signTask(A["zhengding.chair"]!, { taskId: zd.id, version: zd.version });
  await assign(A.zhengding!, {
    parentTaskId: zd.id,
    target: { mode: "level", level: "GRASSROOTS", underOrgId: ids.zd },
  });
  const b4 = await taskOf(branches[3]!.id);
  await cancelTask(A.zhengding!, { taskId: b4.id, version: b4.version, reason: "撤并" });

  type TNew = { objectiveId: number; name: string; unit: string; aggregation: "SUM" | "AVERAGE" };
  const ind = (data: TNew) => t.db.indicator.create({ data, select: { id: true } });
  I1 = (await ind({ objectiveId: m.id, name: "新建工会数", unit: "家", aggregation: "SUM" })).id;
  I2 = (await ind({ objectiveId: m.id, name: "入会率", unit: "%", aggregation: "AVERAGE" })).id;
  const hbMeasure = await t.db.objective.findFirstOrThrow({
    where: { level: "MEASURE", code: { startsWith: `${demoPlanPrefix().prefix}.` } },
  });
  IHB = (await ind({ objectiveId: hbMeasure.id, name: "达标率", unit: "%", aggregation: "AVERAGE" })).id;

  const rows: [number, number, number | null, number | null][] = [
    [ids.hebei, I1, 200, 85],
    [ids.shanxi, I1, 100, 40],
    [ids.zd, I1, 120, 75],
    [ids.x, I1, 80, 10],
    [branches[0]!.id, I1, 30, 30],
    [branches[1]!.id, I1, 30, 45],
    [branches[2]!.id, I1, 30, null],
    [branches[3]!.id, I1, 30, 5],
    [ids.zd, I2, 90, 73.333333],
    [branches[0]!.id, I2, 80, 70],
    [branches[1]!.id, I2, 100, 90],
    [branches[2]!.id, I2, null, 60],
  ];
  for (const [orgId, indicatorId, target, actual] of rows)
    await t.db.taskIndicator.create({
      data: { taskId: (await taskOf(orgId)).id, indicatorId, target, actual },
    });
  await rebuildIndicatorRollups(t.db);
});
afterAll(() => t.close());

describe("the indicator figures, by hand", () => {
  it("rebuilds IndicatorRollup by the counting rule (each chain once per region, cancelled left out)", async () => {
    const rows = await t.db.indicatorRollup.findMany({ orderBy: [{ orgId: "asc" }, { indicatorId: "asc" }] });
    const got = rows.map((r) => [
      r.orgId,
      r.indicatorId,
      r.tasks,
      r.targeted,
      r.reported,
      Number(r.targetSum),
      Number(r.actualSum),
    ]);
    // 河北's region: its own task only; 石家庄's: 正定's and X's; 正定's and X's: their own task.
    expect(got).toEqual(
      [
        [ids.hebei, I1, 1, 1, 1, 200, 85],
        [ids.sjz, I1, 2, 2, 2, 200, 85],
        [ids.sjz, I2, 1, 1, 1, 90, 73.333333],
        [ids.zd, I1, 1, 1, 1, 120, 75],
        [ids.zd, I2, 1, 1, 1, 90, 73.333333],
        [ids.x, I1, 1, 1, 1, 80, 10],
        [ids.shanxi, I1, 1, 1, 1, 100, 40],
      ].sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!),
    );
  });

  it("national: the sum of the provinces", async () => {
    const v = (await view(A.acftu!, [ids.root, I1]))!;
    expect(pick(v.region)).toEqual(fig(2, 300, 125));
    expect(pick(v.childTotal)).toEqual(fig(2, 300, 125));
    const row = (id: number) => pick(v.children.find((c) => c.id === id)!.metrics);
    expect(row(ids.hebei)).toEqual(fig(1, 200, 85));
    expect(row(ids.shanxi)).toEqual(fig(1, 100, 40));
    expect(v.children.filter((c) => c.metrics.tasks > 0)).toHaveLength(2);
    // I2 lives only below 河北's own task: nothing of it counts nationally.
    expect((await view(A.acftu!, [ids.root, I2]))!.region.tasks).toBe(0);
  });

  it("河北, 石家庄, 正定: a chain passed down counts once per region", async () => {
    const hb = (await view(A.hebei!, [ids.hebei, I1]))!;
    expect(pick(hb.region)).toEqual(fig(1, 200, 85));
    expect(pick(hb.own)).toEqual(fig(1, 200, 85));
    expect(pick(hb.children.find((c) => c.id === ids.sjz)!.metrics)).toEqual(fig(2, 200, 85));

    const sjz = (await view(A.hebei!, [ids.sjz, I1]))!;
    expect(pick(sjz.region)).toEqual(fig(2, 200, 85));
    expect(sjz.own.tasks).toBe(0);
    expect(pick(sjz.children.find((c) => c.id === ids.zd)!.metrics)).toEqual(fig(1, 120, 75));
    expect(pick(sjz.children.find((c) => c.id === ids.x)!.metrics)).toEqual(fig(1, 80, 10));

    const zd = (await view(A.zhengding!, [ids.zd, I1]))!;
    expect(pick(zd.region)).toEqual(fig(1, 120, 75));
    const b = (i: number) => pick(zd.children.find((c) => c.id === branches[i]!.id)!.metrics);
    expect([b(0), b(1), b(2)]).toEqual([fig(1, 30, 30), fig(1, 30, 45), fig(1, 30, 0)]);
    expect(b(3).tasks).toBe(0); // cancelled
    expect(pick(zd.childTotal)).toEqual(fig(3, 90, 75));
  });

  it("AVERAGE: the mean of the targets set and of the actuals reported", async () => {
    const zd = (await view(A.zhengding!, [ids.zd, I2]))!;
    // (80 + 100) / 2 = 90; (70 + 90 + 60) / 3 = 73.333333…; 73.333333 / 90 = 0.814815
    expect(pick(zd.childTotal)).toEqual({ tasks: 3, target: 90, actual: 73.333333, rate: 0.814815 });
    expect(pick(zd.region)).toEqual({ tasks: 1, target: 90, actual: 73.333333, rate: 0.814815 });
    const b3 = zd.children.find((c) => c.id === branches[2]!.id)!.metrics;
    expect([b3.target, b3.actual, b3.rate]).toEqual([null, 60, null]);
    const sjz = (await view(A.hebei!, [ids.sjz, I2]))!;
    expect(pick(sjz.region)).toEqual({ tasks: 1, target: 90, actual: 73.333333, rate: 0.814815 });
  });

  it("the export's target / actual / % columns", async () => {
    const file = (await createExport(A.hebei!, {
      kind: "completion",
      orgId: ids.sjz,
      indicator: I1,
      format: "csv",
      locale: "zh-CN",
    }))!;
    const lines = (await text(file.body)).split("\r\n");
    const header = lines.find((l) => l.startsWith("单位,"))!.split(",");
    expect(header.slice(-3)).toEqual(["指标目标（家）", "指标完成（家）", "指标完成率"]);
    const cells = (name: string) =>
      lines
        .find((l) => l.startsWith(`${name},`))!
        .split(",")
        .slice(-3);
    const names = await t.db.org.findMany({ where: { id: { in: [ids.zd, ids.x] } } });
    const nameOf = (id: number) => names.find((o) => o.id === id)!.name;
    expect(cells(nameOf(ids.zd))).toEqual(["120.0", "75.0", "62.5%"]);
    expect(cells(nameOf(ids.x))).toEqual(["80.0", "10.0", "12.5%"]);
    expect(cells("下级单位合计")).toEqual(["200.0", "85.0", "42.5%"]);
    expect(cells("本地区（上级所见）")).toEqual(["200.0", "85.0", "42.5%"]);
    expect(lines.some((l) => l.includes("指标：新建工会数（家）"))).toBe(true);
  });

  it("the heatmap tiles and the 通报 print the same figures", async () => {
    const sjz = (await view(A.hebei!, [ids.sjz, I1]))!;
    const html = render(createElement(IndicatorHeatmap, { data: sjz }));
    expect(html).toMatch(new RegExp(`data-testid="indicator-tile-${ids.zd}" data-rate="0.625"`));
    expect(html).toMatch(new RegExp(`data-testid="indicator-tile-${ids.x}" data-rate="0.125"`));
    // 62.5 % lies between amber (50 %) and green (100 %): a quarter of the way.
    expect(html).toContain("rgb(236, 220, 110)");
    const bulletin = render(createElement(IndicatorBulletin, { data: sjz }));
    expect(bulletin).toContain("本地区新建工会数 85 家，完成目标（200 家）的 42.5%。");
  });
});

describe("scope", () => {
  it("lists the indicators of the plan and objective in scope", async () => {
    const names = async (user: TTestActor, q: { plan?: string; objective?: string }) =>
      (await listIndicatorOptions(user, q)).map((i) => i.name);
    // The seeded indicators of the report (prisma/seed/indicators.ts) and this file's two.
    const seeded = [
      "职工书屋数",
      "劳模创新工作室数",
      "帮扶资金",
      "帮助困难职工家庭脱困数",
      "新建工会数",
      "发展会员数",
    ];
    expect((await names(A.hebei!, { plan: "3" })).sort()).toEqual([...seeded, "新建工会数", "入会率"].sort());
    expect(await names(A.hebei!, { plan: demoPlanPrefix().prefix })).toEqual(["达标率"]);
    expect(await names(A.hebei!, { plan: "3", objective: "3.3" })).toEqual([]);
    // 湖北 does not see 河北's 工作要点.
    expect(await names(A.hubei!, { plan: demoPlanPrefix().prefix })).toEqual([]);
  });

  it("another province's indicator, an org out of scope, an objective without it, an unknown id: not found", async () => {
    expect(await view(A.hebei!, [ids.hebei, IHB], { plan: demoPlanPrefix().prefix })).not.toBeNull();
    expect(await view(A.hubei!, [ids.hubei, IHB], { plan: demoPlanPrefix().prefix })).toBeNull();
    expect(await view(A.hubei!, [ids.hubei, IHB])).toBeNull();
    expect(await view(A.hubei!, [ids.hebei, I1])).toBeNull();
    expect(await view(A.hebei!, [ids.hebei, I1], { objective: "3.3" })).toBeNull();
    expect(await view(A.hebei!, [ids.hebei, I1], { plan: demoPlanPrefix().prefix })).toBeNull();
    expect(await view(A.hebei!, [ids.hebei, 999_999])).toBeNull();
  });

  it("the export route: 404 for another province's indicator, 400 for a malformed one", async () => {
    const get = (user: TTestActor, query: string) => {
      session.user = user;
      return GET(new Request(`http://localhost/api/exports/completion?${query}`), {
        params: Promise.resolve({ kind: "completion" }),
      });
    };
    const ok = await get(A.hebei!, `org=${ids.sjz}&indicator=${I1}&format=csv`);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain("下级单位合计,");
    const other = await get(
      A.hubei!,
      `org=${ids.hubei}&plan=${demoPlanPrefix().prefix}&indicator=${IHB}&format=csv`,
    );
    expect([other.status, await other.json()]).toEqual([404, { code: "NOT_FOUND" }]);
    const otherPlan = await get(A.hubei!, `org=${ids.hubei}&indicator=${IHB}&format=csv`);
    expect([otherPlan.status, await otherPlan.json()]).toEqual([404, { code: "NOT_FOUND" }]);
    const bad = await get(A.hebei!, `org=${ids.sjz}&indicator=abc`);
    expect([bad.status, await bad.json()]).toEqual([
      400,
      { code: "VALIDATION", fieldErrors: { indicator: "invalid" } },
    ]);
  });
});

async function text(body: Readable): Promise<string> {
  const parts: Buffer[] = [];
  for await (const b of body) parts.push(Buffer.from(b as Buffer));
  return Buffer.concat(parts).toString("utf8");
}

function render(node: React.ReactNode): string {
  return renderToStaticMarkup(
    createElement(NextIntlClientProvider, {
      locale: "zh-CN",
      messages: MESSAGES["zh-CN"] as never,
      timeZone: "Asia/Shanghai",
      children: node,
    }),
  );
}
