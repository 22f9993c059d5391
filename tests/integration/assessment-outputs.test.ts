import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import ExcelJS from "exceljs";
import { NextIntlClientProvider } from "next-intl";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ResultBulletin } from "@/features/assessment/components/result-bulletin";
import { readResultOutput } from "@/features/assessment/server/result-output";
import { addDays, chinaToday, formatDay } from "@/lib/dates";
import { AppError } from "@/lib/errors";
import { MESSAGES } from "@/lib/i18n/messages";
import { seedAll } from "@/prisma/seed/seed-all";
import { codeOf, loadActors, type TTestActor } from "../helpers/actors";
import { createTestDb, type TTestDb } from "../helpers/test-db";

// The outputs of a published 考评 result (features/assessment/server/result-output.ts, the XLSX route,
// the 考评通报): 河北 scores three of its cities; the result and its frozen score sheets are written
// here directly (publishing is not under test). Every expected cell is written out by hand.

const session = vi.hoisted(() => ({ user: null as unknown, locale: undefined as string | undefined }));
vi.mock("@/lib/auth/session", () => ({
  authorize: async (permission: string) => {
    const u = session.user as TTestActor | null;
    if (!u) throw new AppError("UNAUTHENTICATED");
    if (!u.permissions.has(permission as never)) throw new AppError("FORBIDDEN");
    return u;
  },
}));
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (name === "locale" && session.locale ? { value: session.locale } : undefined),
  }),
}));
const { GET } = await import("@/app/api/assessment/results/[resultId]/export/route");

let t: TTestDb;
let A: Record<string, TTestActor>;
let resultId: number;
let ids: Record<"hebei" | "sjz" | "ts" | "bd", number>;
const asOf = addDays(chinaToday(), -5);
const asOfText = formatDay(asOf);

const line = (
  [key, kind, count, points]: [key: string, kind: string, count: number, points: number],
  extra: object = {},
) => ({ key, kind, count, points, ...extra });

beforeAll(async () => {
  t = await createTestDb();
  await seedAll(t.db, { demoUsers: true });
  A = await loadActors(t.db);
  const org = async (code: string) => (await t.db.org.findUniqueOrThrow({ where: { code } })).id;
  ids = {
    hebei: await org("130000"),
    sjz: await org("130100"),
    ts: await org("130200"),
    bd: await org("130600"),
  };
  const books = (await t.db.indicator.findFirstOrThrow({ where: { name: "职工书屋数" } })).id;
  const scheme = await t.db.assessmentScheme.create({
    data: {
      orgId: ids.hebei,
      year: 2026,
      title: "市级工会工作",
      scope: "DIRECT",
      status: "PUBLISHED",
      publishedAt: new Date(),
      createdById: A.hebei!.id,
      rules: {
        base: 60,
        rules: [
          {
            id: "completed",
            kind: "COMPLETED",
            points: 2,
            weights: { LOW: 0.5, NORMAL: 1, HIGH: 1.5, URGENT: 2 },
            max: 30,
          },
          { id: "overdue", kind: "OVERDUE", points: 2, max: 10 },
          { id: "books", kind: "INDICATOR", indicatorId: books, points: 10, capRatio: 1 },
        ],
        bands: { EXCELLENT: 90, GOOD: 80, PASS: 60 },
        vetoGrade: "FAIL",
      },
    },
  });
  const result = await t.db.assessmentResult.create({
    data: {
      schemeId: scheme.id,
      asOf,
      docNumber: "冀工考〔2026〕1号",
      objectionDeadline: addDays(asOf, 10),
      publishedById: A.hebei!.id,
    },
  });
  resultId = result.id;
  // 60 + 24 − 2 + 8.5 (6.5 before the accepted objection) + 5 = 95.5; 60 + 20 − 6 + 10 = 84;
  // 60 + 12 − 4 + 2.25 = 70.25, vetoed → 不合格.
  await t.db.assessmentScore.createMany({
    data: [
      {
        resultId,
        orgId: ids.sjz,
        total: 95.5,
        grade: "EXCELLENT",
        rank: 1,
        vetoed: false,
        lines: [
          line(["completed", "COMPLETED", 12, 24]),
          line(["overdue", "OVERDUE", 1, -2]),
          line(["books", "INDICATOR", 1, 8.5], { original: 6.5 }),
          line(["item:1", "BONUS", 1, 5], { note: "获全国表彰" }),
        ],
      },
      {
        resultId,
        orgId: ids.ts,
        total: 84,
        grade: "GOOD",
        rank: 2,
        vetoed: false,
        lines: [
          line(["completed", "COMPLETED", 10, 20]),
          line(["overdue", "OVERDUE", 3, -6]),
          line(["books", "INDICATOR", 1, 10]),
        ],
      },
      {
        resultId,
        orgId: ids.bd,
        total: 70.25,
        grade: "FAIL",
        rank: 3,
        vetoed: true,
        lines: [
          line(["completed", "COMPLETED", 6, 12]),
          line(["overdue", "OVERDUE", 2, -4]),
          line(["books", "INDICATOR", 1, 2.25]),
          line(["item:2", "VETO", 1, 0], { note: "发生重大安全生产事故" }),
        ],
      },
    ],
  });
  await t.db.assessmentObjection.create({
    data: {
      resultId,
      orgId: ids.sjz,
      lineKey: "books",
      reason: "书屋数据漏计",
      status: "ACCEPTED",
      acceptedPoints: 8.5,
      decisionNote: "指标数据更正",
      createdById: A.shijiazhuang!.id,
      decidedById: A.hebei!.id,
      decidedAt: new Date(),
    },
  });
});
afterAll(async () => t?.close());

async function download(user: TTestActor | null, id: number | string = resultId, locale?: string) {
  session.user = user;
  session.locale = locale;
  return GET(new Request(`http://localhost/api/assessment/results/${id}/export`), {
    params: Promise.resolve({ resultId: String(id) }),
  });
}

async function workbook(res: Response) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await res.arrayBuffer()) as ArrayBuffer);
  return wb;
}

/** Every row as its cells (1 … n); empty cells as null. */
function rows(ws: ExcelJS.Worksheet, width: number): unknown[][] {
  const out: unknown[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    out.push(
      Array.from({ length: width }, (_, i) => {
        const v = row.getCell(i + 1).value;
        return v === undefined || v === "" ? null : v;
      }),
    );
  }
  return out;
}

const pad = (cells: unknown[], width: number) => [...cells, ...Array(width - cells.length).fill(null)];
const COMPLETED = "每项 2 分 × 优先级系数（低 0.5、常规 1、高 1.5、紧急 2）、最多 30 分";
const OVERDUE = "每次扣 2 分、最多扣 10 分";
const BOOKS = "「职工书屋数」完成目标得 10 分，按完成比例计分，最高按 100% 计";

describe("the XLSX of a published result", () => {
  it("gives the federation the ranking and every unit's lines, typed, with a UTF-8 file name, audited", async () => {
    const res = await download(A.hebei!);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    const today = formatDay(chinaToday());
    const utf8 = encodeURIComponent(`2026年度市级工会工作考评结果-河北省总工会-${today}.xlsx`);
    expect(res.headers.get("content-disposition")).toBe(
      `attachment; filename="assessment-130000-${resultId}-${today}.xlsx"; filename*=UTF-8''${utf8}`,
    );
    const wb = await workbook(res);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["排名", "得分明细"]);
    const head = [
      ["2026年度市级工会工作考评结果"],
      [`发布单位：河北省总工会；考评截至 ${asOfText}`],
      ["发文字号：冀工考〔2026〕1号"],
    ];
    const ranking = rows(wb.getWorksheet("排名")!, 6);
    expect(ranking.slice(0, 3)).toEqual(head.map((r) => pad(r, 6)));
    expect(String(ranking[3]![0])).toMatch(new RegExp(`^生成时间：${today} \\d{2}:\\d{2}（北京时间）$`));
    expect(ranking.slice(4)).toEqual([
      pad([], 6),
      ["名次", "单位", "代码", "得分", "等次", "一票否决"],
      [1, "石家庄市总工会", "130100", 95.5, "优秀", "否"],
      [2, "唐山市总工会", "130200", 84, "良好", "否"],
      [3, "保定市总工会", "130600", 70.25, "不合格", "是"],
    ]);
    expect(wb.getWorksheet("排名")!.getRow(7).getCell(4).numFmt).toBe("0.00");

    const detail = rows(wb.getWorksheet("得分明细")!, 8);
    expect(detail.slice(0, 3)).toEqual(head.map((r) => pad(r, 8)));
    const sjz = ["石家庄市总工会", "130100"];
    const ts = ["唐山市总工会", "130200"];
    const bd = ["保定市总工会", "130600"];
    expect(detail.slice(4)).toEqual([
      pad([], 8),
      ["单位", "代码", "项目", "计分依据", "计数", "得分", "原得分", "备注"],
      [...sjz, "基础分", null, null, 60, null, null],
      [...sjz, "完成任务", COMPLETED, 12, 24, null, null],
      [...sjz, "逾期任务", OVERDUE, 1, -2, null, null],
      [...sjz, "指标完成", BOOKS, 1, 8.5, 6.5, "申诉已采纳：指标数据更正"],
      [...sjz, "加分项", "获全国表彰", 1, 5, null, null],
      [...ts, "基础分", null, null, 60, null, null],
      [...ts, "完成任务", COMPLETED, 10, 20, null, null],
      [...ts, "逾期任务", OVERDUE, 3, -6, null, null],
      [...ts, "指标完成", BOOKS, 1, 10, null, null],
      [...bd, "基础分", null, null, 60, null, null],
      [...bd, "完成任务", COMPLETED, 6, 12, null, null],
      [...bd, "逾期任务", OVERDUE, 2, -4, null, null],
      [...bd, "指标完成", BOOKS, 1, 2.25, null, null],
      [...bd, "一票否决", "发生重大安全生产事故", 1, 0, null, null],
    ]);
    // Each unit's points add up to its total.
    const sum = (code: string) =>
      detail
        .filter((r) => r[1] === code && typeof r[5] === "number")
        .reduce((s, r) => s + (r[5] as number), 0);
    expect([sum("130100"), sum("130200"), sum("130600")]).toEqual([95.5, 84, 70.25]);

    const audit = await t.db.auditEvent.findFirstOrThrow({
      where: { action: "export.download", targetType: "assessmentResult", targetId: String(resultId) },
      orderBy: { id: "desc" },
    });
    expect(audit).toMatchObject({ actorId: A.hebei!.id, outcome: "SUCCESS" });
    expect(audit.detail).toEqual({ kind: "assessment", resultId, view: "FULL", format: "xlsx" });
  });

  it("is in English for an English reader", async () => {
    const wb = await workbook(await download(A.hebei!, resultId, "en"));
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Ranking", "Score lines"]);
    const ranking = rows(wb.getWorksheet("Ranking")!, 6);
    expect(ranking[5]).toEqual(["Rank", "Unit", "Code", "Score", "Grade", "Veto"]);
    expect(ranking[8]).toEqual([3, "保定市总工会", "130600", 70.25, "Fail", "Yes"]);
    const detail = rows(wb.getWorksheet("Score lines")!, 8);
    expect(detail[9]).toEqual([
      "石家庄市总工会",
      "130100",
      "Indicator reached",
      '"职工书屋数": 10 points at target, by the share reached, counted up to 100%',
      1,
      8.5,
      6.5,
      "Objection accepted: 指标数据更正",
    ]);
  });

  it("gives a scored unit only its own lines, with its score on top", async () => {
    const res = await download(A.shijiazhuang!);
    expect(res.status).toBe(200);
    expect(decodeURIComponent(res.headers.get("content-disposition")!)).toContain("-石家庄市总工会-");
    const wb = await workbook(res);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["得分明细"]);
    const detail = rows(wb.getWorksheet("得分明细")!, 8);
    expect(detail[3]![0]).toBe("石家庄市总工会：95.50 分，优秀，第 1 名");
    const body = detail.slice(detail.findIndex((r) => r[0] === "单位") + 1);
    expect(body.map((r) => r[1])).toEqual(["130100", "130100", "130100", "130100", "130100"]);
    expect(body.map((r) => r[5])).toEqual([60, 24, -2, 8.5, 5]);
  });

  it("is not found for an outsider (audited DENIED), a malformed or unknown id; forbidden without the permission", async () => {
    const outsider = await download(A.hubei!);
    expect(outsider.status).toBe(404);
    expect(await outsider.json()).toEqual({ code: "NOT_FOUND" });
    const denied = await t.db.auditEvent.findFirstOrThrow({
      where: { action: "export.download", targetId: String(resultId), actorId: A.hubei!.id },
    });
    expect(denied.outcome).toBe("DENIED");
    expect((await download(A.hebei!, "12x")).status).toBe(404);
    expect((await download(A.hebei!, resultId + 1000)).status).toBe(404);
    // A unit of 河北 the result did not score (邯郸) reads nothing either.
    const handan = await t.db.user.create({
      data: {
        username: "hd.manager",
        name: "邯郸督办员",
        role: "MANAGER",
        orgId: (await t.db.org.findUniqueOrThrow({ where: { code: "130400" } })).id,
        passwordHash: "x",
      },
    });
    const other = (await loadActors(t.db))[handan.username]!;
    expect((await download(other)).status).toBe(404);
    const staff = Object.values(A).find((a) => !a.permissions.has("assessment:manage"))!;
    expect((await download(staff)).status).toBe(403);
    expect((await download(null)).status).toBe(401);
  });
});

describe("the 考评通报", () => {
  it("reads the ranking and the units per grade for the federation", async () => {
    const out = await readResultOutput(t.db, A.hebei!, { resultId });
    expect(out.view).toBe("FULL");
    expect(out.gradeCounts).toEqual({ EXCELLENT: 1, GOOD: 1, PASS: 0, FAIL: 1 });
    expect(out.units.map((u) => [u.rank, u.code, u.total, u.grade, u.vetoed])).toEqual([
      [1, "130100", 95.5, "EXCELLENT", false],
      [2, "130200", 84, "GOOD", false],
      [3, "130600", 70.25, "FAIL", true],
    ]);
    expect(out.units.every((u) => u.lines.length === 0)).toBe(true); // lines only when asked for
    const html = render(out);
    expect(html).toContain("关于2026年度市级工会工作考评结果的通报");
    expect(html).toContain("冀工考〔2026〕1号");
    expect(html).toContain("根据《市级工会工作》，河北省总工会对3个单位截至2026年1月1日的工作进行了考评。");
    expect(html).toContain("优秀1个、良好1个、合格0个、不合格1个。评为优秀的单位：石家庄市总工会。");
    const en = render(out, "en");
    expect(en).toContain("Bulletin on the results of the 2026 市级工会工作");
    expect(en).toContain("河北省总工会 assessed the work of 3 units as of 2026年1月1日.");
    expect(en).toContain("Excellent: 1 unit, Good: 1 unit, Pass: 0 units, Fail: 1 unit. ");
    expect(en).toContain("Units graded Excellent: 石家庄市总工会. ");
  });

  it("shows a scored unit its own row only, without counts; an outsider finds nothing", async () => {
    const out = await readResultOutput(t.db, A.shijiazhuang!, { resultId });
    expect(out.view).toBe("UNIT");
    expect(out.gradeCounts).toBeNull();
    expect(out.units.map((u) => u.code)).toEqual(["130100"]);
    const html = render(out);
    expect(html).not.toContain("唐山市总工会");
    expect(html).not.toContain("result-bulletin-grades");
    expect(await codeOf(readResultOutput(t.db, A.hubei!, { resultId }))).toBe("NOT_FOUND");
  });
});

function render(out: Awaited<ReturnType<typeof readResultOutput>>, locale: "zh-CN" | "en" = "zh-CN") {
  return renderToStaticMarkup(
    createElement(NextIntlClientProvider, {
      locale,
      messages: MESSAGES[locale] as never,
      timeZone: "Asia/Shanghai",
      children: createElement(ResultBulletin, { out, asOf: "2026年1月1日", date: "2026年1月6日" }),
    }),
  );
}
