import crypto from "node:crypto";
import type { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { createElement, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { NextIntlClientProvider } from "next-intl";
import { ReportStatusTable } from "@/features/reporting/components/report-status-table";
import { MESSAGES } from "@/lib/i18n/messages";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ZAssignTasks } from "@/features/tasks/schemas";
import { assignTasks } from "@/features/tasks/server/assign-tasks";
import { cancelTask } from "@/features/tasks/server/cancel-task";
import { signTask } from "@/features/tasks/server/sign-task";
import { rebuildReportingRollups } from "@/features/reporting/server/read-rebuild";
import { getReportStatus } from "@/features/reporting/server/view-report-status";
import { createReportStatusExport } from "@/features/reporting/server/view-export-file";
import { readMissingForCompletion } from "@/features/reporting/server/read-missing";
import { createExport } from "@/features/exports/server/export-file";
import { getCompletion } from "@/features/rollups/server/get-completion";
import { addDays, chinaToday, formatDay } from "@/lib/dates";
import { AppError } from "@/lib/errors";
import { seedAll } from "@/prisma/seed/seed-all";
import { loadActors, type TTestActor } from "../helpers/actors";
import { createTestDb, type TTestDb } from "../helpers/test-db";

// The 报送情况 view against figures worked out by hand. 全总 gives measure 3.6.1.1 to the 31
// provinces; 河北 passes its task to 正定 and a second county X of 石家庄; 正定 passes its task to its
// 4 branches b1…b4 and cancels b4's. 河北 requires monthly reports on 3.6.1.1 (rule R): the tasks
// owing them are 河北's (hb), 正定's (zd), X's, b1, b2, b3 (b4 is cancelled). PeriodReport rows are
// written directly (the report path is not this file's subject) and ReportingRollup rebuilt.
//   P1 (closed): hb 按时, zd 迟报, X 漏报, b1 按时, b2 漏报, b3 迟报 (b4: a stale 漏报 row, not counted)
//   P2 (open):   hb 按时, b1 迟报; the others not yet.
// Regions by the chain rule: hb counts in 河北; zd in 石家庄 and 正定; X in 石家庄 and X; b_i in b_i.
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
const { GET } = await import("@/app/api/reporting/export/route");

let t: TTestDb;
let A: Record<string, TTestActor>;
const today = chinaToday();
const token = () => crypto.randomUUID();
const org = (code: string) => t.db.org.findUniqueOrThrow({ where: { code } });
const ids = {} as Record<"root" | "hebei" | "shanxi" | "sjz" | "zd" | "x" | "hubei", number>;
let branches: { id: number; name: string }[] = [];
const task = {} as Record<"hb" | "zd" | "x" | "b1" | "b2" | "b3" | "b4", number>;
let R: number;
let RH: number;
let P1: number;
let P2: number;
let PH: number;

/** due, 按时, 迟报, 漏报, 未报 */
const fig = (...[due, onTime, late, missing, notYet]: [number, number, number, number, number]) => ({
  due,
  onTime,
  late,
  missing,
  notYet,
});
const pick = (m: { due: number; onTime: number; late: number; missing: number; notYet: number }) =>
  fig(m.due, m.onTime, m.late, m.missing, m.notYet);
const view = (
  user: TTestActor,
  orgId: number,
  more: { rule?: number; period?: number; page?: number } = {},
) => getReportStatus(user, { orgId, ...more });
const periodView = async (...args: Parameters<typeof view>) => {
  const v = await view(...args);
  if (!v || v.kind !== "period") throw new Error("expected a period view");
  return v;
};

beforeAll(async () => {
  t = await createTestDb();
  await seedAll(t.db, { demoUsers: true });
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
  task.hb = hb.id;
  task.zd = zd.id;
  task.x = (await taskOf(ids.x)).id;
  task.b1 = (await taskOf(branches[0]!.id)).id;
  task.b2 = (await taskOf(branches[1]!.id)).id;
  task.b3 = (await taskOf(branches[2]!.id)).id;
  task.b4 = b4.id;
  // Precondition of the hand count: these are the only tasks of 3.6.1.1 in 河北 (b4 cancelled), and
  // 31 provinces hold one each. All were created before the periods start (a task owes a period
  // only when created before its first day).
  expect(await t.db.task.count({ where: { objectiveId: m.id, orgPath: { has: ids.hebei } } })).toBe(7);
  expect(await t.db.task.count({ where: { objectiveId: m.id, org: { level: "PROVINCE" } } })).toBe(31);
  await t.db.task.updateMany({ where: { objectiveId: m.id }, data: { createdAt: addDays(today, -90) } });

  const rule = (orgId: number, createdById: number) =>
    t.db.reportingRule.create({
      data: {
        objectiveId: m.id,
        orgId,
        frequency: "MONTHLY",
        dueDay: 25,
        startDate: addDays(today, -60),
        endDate: addDays(today, 300),
        createdById,
      },
    });
  R = (await rule(ids.hebei, A.hebei!.id)).id;
  RH = (await rule(ids.hubei, A.hubei!.id)).id;
  const period = (ruleId: number, from: number, status: "OPEN" | "CLOSED") =>
    t.db.reportingPeriod.create({
      data: {
        ruleId,
        startDate: addDays(today, from),
        endDate: addDays(today, from + 29),
        dueDate: addDays(today, from + 24),
        status,
      },
    });
  P1 = (await period(R, -60, "CLOSED")).id;
  P2 = (await period(R, -30, "OPEN")).id;
  PH = (await period(RH, -30, "OPEN")).id;
  const report = (periodId: number, taskId: number, status: "ON_TIME" | "LATE" | "MISSING") =>
    t.db.periodReport.create({
      data: { periodId, taskId, status, reportedAt: status === "MISSING" ? null : new Date() },
    });
  await report(P1, task.hb, "ON_TIME");
  await report(P1, task.zd, "LATE");
  await report(P1, task.x, "MISSING");
  await report(P1, task.b1, "ON_TIME");
  await report(P1, task.b2, "MISSING");
  await report(P1, task.b3, "LATE");
  await report(P2, task.hb, "ON_TIME");
  await report(P2, task.b1, "LATE");
  await rebuildReportingRollups(t.db);
});
afterAll(() => t.close());

describe("报送情况, by hand", () => {
  it("rebuilds ReportingRollup by the chain rule (federation regions only, cancelled left out)", async () => {
    const rows = await t.db.reportingRollup.findMany({ where: { periodId: { in: [P1, P2] } } });
    const hebeiRegions = [ids.hebei, ids.sjz, ids.zd, ids.x];
    const got = rows
      .filter((r) => hebeiRegions.includes(r.orgId))
      .map((r) => [r.orgId, r.periodId, r.due, r.onTime, r.late, r.missing])
      .sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!);
    const want = [
      [ids.hebei, P1, 1, 1, 0, 0],
      [ids.sjz, P1, 2, 0, 1, 1],
      [ids.zd, P1, 1, 0, 1, 0],
      [ids.x, P1, 1, 0, 0, 1],
      [ids.hebei, P2, 1, 1, 0, 0],
      [ids.sjz, P2, 2, 0, 0, 0],
      [ids.zd, P2, 1, 0, 0, 0],
      [ids.x, P2, 1, 0, 0, 0],
    ].sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!);
    expect(got).toEqual(want);
    // The open P2 is owed by every province's task (the rule covers the measure): 31 province rows
    // of one task each, 河北's reported on time. The closed P1 counts its report rows only.
    const provinces = await t.db.org.findMany({ where: { level: "PROVINCE" }, select: { id: true } });
    const p2 = rows.filter((r) => r.periodId === P2 && provinces.some((o) => o.id === r.orgId));
    expect([p2.length, p2.every((r) => r.due === 1), p2.reduce((n, r) => n + r.onTime, 0)]).toEqual([
      31,
      true,
      1,
    ]);
    expect(
      rows
        .filter((r) => r.periodId === P1)
        .map((r) => r.orgId)
        .sort(),
    ).toEqual([...hebeiRegions].sort());
  });

  it("defaults to the latest period of the rules the user sees", async () => {
    const v = await periodView(A.hebei!, ids.hebei);
    expect(v.rule!.id).toBe(R);
    expect(v.period.id).toBe(P2);
    expect(v.periods.map((p) => p.id)).toEqual([P2, P1]);
    // 全总 sees rules set inside its subtree: 河北's and 湖北's.
    const n = await view(A.acftu!, ids.root);
    expect(n!.rules.map((r) => r.id).sort()).toEqual([R, RH].sort());
  });

  it("national (closed P1): the sum of the provinces, each chain once per region", async () => {
    const v = await periodView(A.acftu!, ids.root, { rule: R, period: P1 });
    expect(pick(v.region)).toEqual(fig(1, 1, 0, 0, 0));
    expect(pick(v.children.find((c) => c.id === ids.hebei)!.metrics)).toEqual(fig(1, 1, 0, 0, 0));
    expect(pick(v.children.find((c) => c.id === ids.shanxi)!.metrics)).toEqual(fig(0, 0, 0, 0, 0));
    expect(v.own).toBeNull();
    expect(v.missed).toBeNull();
    // Open P2: 31 provinces owe, 河北 reported on time, 30 not yet.
    const open = await periodView(A.acftu!, ids.root, { rule: R, period: P2 });
    expect(pick(open.region)).toEqual(fig(31, 1, 0, 0, 30));
    expect(pick(open.children.find((c) => c.id === ids.shanxi)!.metrics)).toEqual(fig(1, 0, 0, 0, 1));
  });

  it("河北 and 石家庄 (closed P1): 下级单位合计, 本级 and 本地区", async () => {
    const hb = await periodView(A.hebei!, ids.hebei, { rule: R, period: P1 });
    expect(pick(hb.children.find((c) => c.id === ids.sjz)!.metrics)).toEqual(fig(2, 0, 1, 1, 0));
    expect(pick(hb.childTotal)).toEqual(fig(2, 0, 1, 1, 0));
    expect(pick(hb.own!)).toEqual(fig(1, 1, 0, 0, 0));
    expect(pick(hb.region)).toEqual(fig(1, 1, 0, 0, 0));
    expect(hb.region.onTimeRate).toBe(1);

    const sjz = await periodView(A.hebei!, ids.sjz, { rule: R, period: P1 });
    expect(pick(sjz.children.find((c) => c.id === ids.zd)!.metrics)).toEqual(fig(1, 0, 1, 0, 0));
    expect(pick(sjz.children.find((c) => c.id === ids.x)!.metrics)).toEqual(fig(1, 0, 0, 1, 0));
    expect(pick(sjz.own!)).toEqual(fig(0, 0, 0, 0, 0));
    expect(pick(sjz.region)).toEqual(fig(2, 0, 1, 1, 0));
    expect(sjz.region.missingRate).toBe(0.5);
    expect(sjz.region.reportedRate).toBe(0.5);
  });

  it("正定 (closed P1): branches from their tasks, and the units that missed", async () => {
    const zd = await periodView(A.zhengding!, ids.zd, { rule: R, period: P1 });
    const b = (i: number) => pick(zd.children.find((c) => c.id === branches[i]!.id)!.metrics);
    expect([b(0), b(1), b(2), b(3)]).toEqual([
      fig(1, 1, 0, 0, 0),
      fig(1, 0, 0, 1, 0),
      fig(1, 0, 1, 0, 0),
      fig(0, 0, 0, 0, 0),
    ]);
    expect(pick(zd.childTotal)).toEqual(fig(3, 1, 1, 1, 0));
    expect(pick(zd.own!)).toEqual(fig(1, 0, 1, 0, 0));
    expect(pick(zd.region)).toEqual(fig(1, 0, 1, 0, 0));
    // 漏报 below 正定: b2 only (b4 was cancelled before the close; 正定 itself was late).
    expect(zd.missed!.total).toBe(1);
    expect(zd.missed!.rows.map((r) => [r.taskId, r.orgId, r.objectiveCode])).toEqual([
      [task.b2, branches[1]!.id, "3.6.1.1"],
    ]);
  });

  it("正定 (open P2): not yet reported instead of missing, and the units not yet reported", async () => {
    const zd = await periodView(A.zhengding!, ids.zd, { rule: R, period: P2 });
    const b = (i: number) => pick(zd.children.find((c) => c.id === branches[i]!.id)!.metrics);
    expect([b(0), b(1), b(2)]).toEqual([fig(1, 0, 1, 0, 0), fig(1, 0, 0, 0, 1), fig(1, 0, 0, 0, 1)]);
    expect(pick(zd.childTotal)).toEqual(fig(3, 0, 1, 0, 2));
    expect(pick(zd.region)).toEqual(fig(1, 0, 0, 0, 1));
    expect(zd.closed).toBe(false);
    expect(zd.missed!.total).toBe(3);
    expect(zd.missed!.rows.map((r) => r.taskId).sort()).toEqual([task.zd, task.b2, task.b3].sort());
    // A branch's own page: its own task.
    const b2 = await periodView(A.zhengding!, branches[1]!.id, { rule: R, period: P2 });
    expect(pick(b2.region)).toEqual(fig(1, 0, 0, 0, 1));
    expect(b2.missed!.rows.map((r) => r.taskId)).toEqual([task.b2]);
    // Past the last page: no rows, the total still known.
    const far = await periodView(A.zhengding!, ids.zd, { rule: R, period: P2, page: 2 });
    expect(far.missed).toEqual({ total: 3, rows: [] });
  });

  it("scope: another province sees nothing (null = 404), and no rule is an empty state", async () => {
    expect(await view(A.hubei!, ids.hebei)).toBeNull();
    expect(await view(A.hubei!, ids.zd, { rule: R, period: P1 })).toBeNull();
    expect(await view(A.hubei!, ids.hubei, { rule: R })).toBeNull();
    expect(await view(A.hebei!, ids.hebei, { rule: RH })).toBeNull();
    // A period of another rule is not found either.
    expect(await view(A.hebei!, ids.hebei, { rule: R, period: PH })).toBeNull();
    const own = await periodView(A.hubei!, ids.hubei);
    expect(own.rule!.id).toBe(RH);
    const shanxi = await t.db.user.findFirst({ where: { orgId: ids.shanxi }, select: { username: true } });
    if (shanxi) expect((await view(A[shanxi.username]!, ids.shanxi))!.kind).toBe("empty");
  });
});

async function xlsxRows(body: Readable): Promise<string[][]> {
  const parts: Buffer[] = [];
  for await (const b of body) parts.push(Buffer.from(b as Buffer));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.concat(parts) as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  const rows: string[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) {
      const v = row.getCell(c).value;
      const pct = row.getCell(c).numFmt === "0.0%" && typeof v === "number";
      cells.push(v === null || v === undefined ? "" : pct ? `${(v * 100).toFixed(1)}%` : String(v));
    }
    rows.push(cells);
  }
  return rows;
}

describe("the 报送情况 export", () => {
  it("writes the region table of 正定 for P1 with the print setup", async () => {
    const file = await createReportStatusExport(A.zhengding!, {
      orgId: ids.zd,
      rule: R,
      period: P1,
      locale: "zh-CN",
      now: new Date(),
    });
    expect(file!.fileName).toMatch(/^报送情况-.*\.xlsx$/);
    const rows = await xlsxRows(file!.body);
    const header = rows.findIndex((r) => r[0] === "地区");
    expect(rows[header]).toEqual([
      "地区",
      "应报",
      "按时",
      "迟报",
      "漏报",
      "未报",
      "按时率",
      "报送率",
      "漏报率",
    ]);
    const byName = new Map(rows.slice(header + 1).map((r) => [r[0], r.slice(1)]));
    expect(byName.get(branches[0]!.name)).toEqual(["1", "1", "0", "0", "0", "100.0%", "100.0%", "0.0%"]);
    expect(byName.get(branches[1]!.name)).toEqual(["1", "0", "0", "1", "0", "0.0%", "0.0%", "100.0%"]);
    expect(byName.get(branches[2]!.name)).toEqual(["1", "0", "1", "0", "0", "0.0%", "100.0%", "0.0%"]);
    // No report due: the rates are empty cells.
    expect(byName.get(branches[3]!.name)).toEqual(["0", "0", "0", "0", "0", "", "", ""]);
    expect(byName.get("下级单位合计")).toEqual(["3", "1", "1", "1", "0", "33.3%", "66.7%", "33.3%"]);
    expect(byName.get("本级")).toEqual(["1", "0", "1", "0", "0", "0.0%", "100.0%", "0.0%"]);
    expect(byName.get("本地区")).toEqual(["1", "0", "1", "0", "0", "0.0%", "100.0%", "0.0%"]);
  });

  it("the route: 404 for another province's org, the file for one's own", async () => {
    session.user = A.hubei!;
    const denied = await GET(
      new Request(`http://x/api/reporting/export?org=${ids.hebei}&rule=${R}&period=${P1}`),
    );
    expect(denied.status).toBe(404);
    session.user = A.hebei!;
    const ok = await GET(new Request(`http://x/api/reporting/export?org=${ids.sjz}&rule=${R}&period=${P1}`));
    expect(ok.status).toBe(200);
    expect(ok.headers.get("Content-Type")).toContain("spreadsheetml");
    await ok.arrayBuffer();
  });
});

describe("漏报 in the completion views (closed periods of the plan's rules)", () => {
  const missingOf = async (user: TTestActor, orgId: number, plan: string | null = "3") => {
    const c = (await getCompletion(user, { orgId, plan }))!;
    return readMissingForCompletion(t.db, c, plan);
  };

  it("per region by the chain rule: P1's 漏报 (X, b2); the open P2 counts nothing yet", async () => {
    const zd = (await missingOf(A.zhengding!, ids.zd))!;
    expect(branches.map((b) => zd.byOrg.get(b.id) ?? 0)).toEqual([0, 1, 0, 0]);
    expect([zd.childTotal, zd.own, zd.region]).toEqual([1, 0, 0]);
    const sjz = (await missingOf(A.hebei!, ids.sjz))!;
    expect([sjz.byOrg.get(ids.zd) ?? 0, sjz.byOrg.get(ids.x) ?? 0]).toEqual([0, 1]);
    expect([sjz.childTotal, sjz.own, sjz.region]).toEqual([1, 0, 1]);
    const hb = (await missingOf(A.hebei!, ids.hebei))!;
    expect([hb.byOrg.get(ids.sjz) ?? 0, hb.childTotal, hb.own, hb.region]).toEqual([1, 1, 0, 0]);
    const nation = (await missingOf(A.acftu!, ids.root))!;
    expect([nation.byOrg.get(ids.hebei) ?? 0, nation.region]).toEqual([0, 0]);
  });

  it("no column for a plan without rules", async () => {
    const other = await t.db.plan.findFirst({
      where: { codePrefix: { not: "3" } },
      select: { codePrefix: true },
    });
    if (other) expect(await missingOf(A.acftu!, ids.root, other.codePrefix)).toBeNull();
  });

  it("the completion export carries 漏报 after the task figures", async () => {
    const file = await createExport(A.hebei!, {
      kind: "completion",
      orgId: ids.sjz,
      plan: { codePrefix: "3", title: "第十七次报告" },
      format: "xlsx",
      locale: "zh-CN",
    });
    const rows = await xlsxRows(file!.body);
    const header = rows.findIndex((r) => r[0] === "单位");
    expect(rows[header]!.at(-1)).toBe("漏报");
    const col = rows[header]!.length - 1;
    const byName = new Map(rows.slice(header + 1).map((r) => [r[0], r[col]]));
    const xName = (await t.db.org.findUniqueOrThrow({ where: { id: ids.x } })).name;
    expect(byName.get("正定县总工会")).toBe("0");
    expect(byName.get(xName)).toBe("1");
    expect(byName.get("下级单位合计")).toBe("1");
    expect(byName.get("本地区（上级所见）")).toBe("1");
  });
});

const render = (node: ReactNode) =>
  renderToStaticMarkup(
    createElement(NextIntlClientProvider, {
      locale: "zh-CN",
      messages: MESSAGES["zh-CN"] as never,
      timeZone: "Asia/Shanghai",
      children: node,
    }),
  );

describe("the 报送情况 table", () => {
  const tableOf = async (period: number) => {
    const v = await periodView(A.zhengding!, ids.zd, { rule: R, period });
    const html = render(
      createElement(ReportStatusTable, {
        open: !v.closed,
        rows: v.children.map((c) => ({
          id: c.id,
          name: c.name,
          href: `/reporting?org=${c.id}`,
          metrics: c.metrics,
        })),
        childTotal: v.childTotal,
        own: v.own,
        region: v.region,
      }),
    );
    const row = (testId: string) =>
      [
        ...(html
          .match(new RegExp(`data-testid="${testId}".*?</tr>`))?.[0]
          .matchAll(/<td[^>]*>([^<]*)<\/td>/g) ?? []),
      ].map((m) => m[1]);
    return { html, row };
  };

  it("closed: 漏报 and 漏报率, no 未报; the figures per row", async () => {
    const { html, row } = await tableOf(P1);
    expect(html).toContain(">漏报<");
    expect(html).not.toContain(">未报<");
    expect(row(`report-region-${branches[1]!.id}`)).toEqual(["1", "0", "0", "1", "0.0%", "0.0%", "100.0%"]);
    expect(row("report-children-total")).toEqual(["3", "1", "1", "1", "33.3%", "66.7%", "33.3%"]);
    expect(row("report-self")).toEqual(["1", "0", "1", "0", "0.0%", "100.0%", "0.0%"]);
  });

  it("open: 未报 instead of 漏报", async () => {
    const { html, row } = await tableOf(P2);
    expect(html).toContain(">未报<");
    expect(html).not.toContain(">漏报<");
    expect(row("report-children-total")).toEqual(["3", "0", "1", "2", "0.0%", "33.3%"]);
  });
});
