import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { saveAttachment } from "@/features/evidence/server/save-attachment";
import { createExport } from "@/features/exports/server/export-file";
import { ledgerTaskChunks } from "@/features/exports/server/ledger-rows";
import { addDays, chinaToday, formatDay } from "@/lib/dates";
import { ZAssignTasks, ZReview } from "@/features/tasks/schemas";
import { assignStaff } from "@/features/tasks/server/assign-staff";
import { assignTasks } from "@/features/tasks/server/assign-tasks";
import { logProgress } from "@/features/tasks/server/log-progress";
import { signTask } from "@/features/tasks/server/sign-task";
import { reviewCompletion } from "@/features/tasks/server/review-completion";
import { submitCompletion } from "@/features/tasks/server/submit-completion";
import { AppError } from "@/lib/errors";
import { seedAll } from "@/prisma/seed/seed-all";
import { loadActors, type TTestActor } from "../helpers/actors";
import { createTestDb, type TTestDb } from "../helpers/test-db";

// The route handlers run with a stand-in session and cookie jar; everything else is real.
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
const { GET } = await import("@/app/api/exports/[kind]/route");
const getLedger = (req: Request) => GET(req, { params: Promise.resolve({ kind: "ledger" }) });
const getCompletion = (req: Request) => GET(req, { params: Promise.resolve({ kind: "completion" }) });

let t: TTestDb;
let A: Record<string, TTestActor>;
const uploads = fs.mkdtempSync(path.join(os.tmpdir(), "utt-exports-"));
const token = () => crypto.randomUUID();
const today = chinaToday();
const todayText = formatDay(today);
const org = (code: string) => t.db.org.findUniqueOrThrow({ where: { code } });
const taskOf = (objectiveId: number, orgCode: string) =>
  t.db.task.findFirstOrThrow({ where: { objectiveId, org: { code: orgCode } } });
/** The due date of every task unless a test says otherwise: half a year ahead, so it is never overdue. */
const DUE = formatDay(addDays(today, 180));
const assign = (
  actor: TTestActor,
  { objectiveId, orgId, dueDate = DUE }: { objectiveId: number; orgId: number; dueDate?: string },
) =>
  assignTasks(
    actor,
    ZAssignTasks.parse({
      clientToken: token(),
      objectiveIds: [objectiveId],
      target: { mode: "orgs", orgIds: [orgId] },
      dueDate,
      allowPastDue: true,
    }),
  );

/** A minimal RFC 4180 reader: quoted fields may hold quotes, commas and line breaks; records end in CRLF. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (quoted) {
      if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') {
      quoted = true;
    } else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else if (c === "\n" || c === "\r") {
      throw new Error(`bare line break outside quotes at ${i}`);
    } else {
      field += c;
    }
  }
  if (field || row.length) throw new Error("last record not CRLF-terminated");
  return rows;
}

async function read(body: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const b of body) parts.push(Buffer.from(b as Buffer));
  return Buffer.concat(parts);
}

/** XLSX cells as the CSV shows them, to compare both formats row by row. */
function asText(v: ExcelJS.CellValue, numFmt?: string): string {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return formatDay(v);
  if (typeof v === "number" && numFmt === "0.0%") return `${(Math.round(v * 1000) / 10).toFixed(1)}%`;
  if (typeof v === "number" && numFmt === "0.0") return (Math.round(v * 10) / 10).toFixed(1);
  return String(v);
}
async function xlsxRows(buffer: Buffer): Promise<{ name: string; rows: string[][] }> {
  return (await xlsxSheets(buffer))[0]!;
}
/** Every worksheet, in order. */
async function xlsxSheets(buffer: Buffer): Promise<{ name: string; rows: string[][] }[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  return wb.worksheets.map(sheetRows);
}
function sheetRows(ws: ExcelJS.Worksheet): { name: string; rows: string[][] } {
  const rows: string[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= Math.max(row.cellCount, 1); c++)
      cells.push(asText(row.getCell(c).value, row.getCell(c).numFmt));
    rows.push(cells);
  }
  return { name: ws.name, rows };
}
/** exceljs stops a row at its last non-empty cell: compare without trailing empty cells. */
const trimEmpty = (rows: string[][]) => rows.map((r) => r.slice(0, r.findLastIndex((c) => c !== "") + 1));

async function csvOf(
  actor: TTestActor,
  q: { kind: "ledger" | "completion"; org: string; objective?: string; locale?: "en"; now?: Date },
) {
  const file = await createExport(actor, {
    kind: q.kind,
    orgId: (await org(q.org)).id,
    objective: q.objective,
    format: "csv",
    locale: q.locale ?? "zh-CN",
    now: q.now,
  });
  if (!file) return null;
  const text = (await read(file.body)).toString("utf8");
  return { file, text, rows: parseCsv(text.slice(1)) };
}

let m: { id: number; code: string; title: string }[] = [];

beforeAll(async () => {
  process.env.UPLOAD_DIR = uploads;
  t = await createTestDb();
  await seedAll(t.db, { demoUsers: true });
  A = await loadActors(t.db);
  m = await t.db.objective.findMany({
    where: { level: "MEASURE", code: { startsWith: "3.3." } },
    orderBy: { sortOrder: "asc" },
    take: 4,
    select: { id: true, code: true, title: true },
  });
  const [zd, hengda, wuchang] = [await org("130123"), await org("1301230001"), await org("420106")];
  const chair = A["zhengding.chair"]!;
  const staff = A["zhengding.staff"]!;

  // m0 at 正定县: signed, staffed, two progress updates with 1 + 2 evidence files (plus one upload never sent).
  await assign(A.hebei!, { objectiveId: m[0]!.id, orgId: zd.id });
  let tk = await taskOf(m[0]!.id, "130123");
  await signTask(chair, { taskId: tk.id, version: tk.version });
  await assignStaff(chair, {
    taskId: tk.id,
    version: tk.version + 1,
    responsibleId: staff.id,
    helperIds: [],
  });
  const pdf = (n: number) => ({ name: `材料${n}.pdf`, bytes: Buffer.from(`%PDF-1.7\n${n} 0 obj\n`) });
  const e1 = await saveAttachment(staff, { taskId: tk.id, purpose: "progress", file: pdf(1) });
  tk = await taskOf(m[0]!.id, "130123");
  await logProgress(staff, {
    taskId: tk.id,
    version: tk.version,
    clientToken: token(),
    percent: 20,
    state: "NORMAL",
    narrative: "召开动员会",
    attachmentIds: [e1.id],
  });
  const [e2, e3] = [
    await saveAttachment(staff, { taskId: tk.id, purpose: "progress", file: pdf(2) }),
    await saveAttachment(staff, { taskId: tk.id, purpose: "progress", file: pdf(3) }),
  ];
  tk = await taskOf(m[0]!.id, "130123");
  await logProgress(staff, {
    taskId: tk.id,
    version: tk.version,
    clientToken: token(),
    percent: 60,
    state: "LAGGING",
    narrative: '=SUM(1,2) 完成"调研",\n下步推进',
    attachmentIds: [e2.id, e3.id],
  });
  await saveAttachment(staff, { taskId: tk.id, purpose: "progress", file: pdf(4) }); // uploaded, never linked: no evidence

  // m1 at 正定县: never signed, due yesterday → overdue.
  await assign(A.hebei!, { objectiveId: m[1]!.id, orgId: zd.id, dueDate: formatDay(addDays(today, -1)) });
  // m2 at 正定县: signed, submitted, approved.
  await assign(A.hebei!, { objectiveId: m[2]!.id, orgId: zd.id });
  tk = await taskOf(m[2]!.id, "130123");
  await signTask(chair, { taskId: tk.id, version: tk.version });
  await submitCompletion(chair, {
    taskId: tk.id,
    version: tk.version + 1,
    clientToken: token(),
    summary: "已经完成全部任务",
    attachmentIds: [],
  });
  await reviewCompletion(
    A.hebei!,
    ZReview.parse({ taskId: tk.id, version: tk.version + 2, decision: "APPROVED" }),
  );
  // m3 at a grassroots union under 正定县, given by the county.
  await assign(A.zhengding!, { objectiveId: m[3]!.id, orgId: hengda.id });
  // Another province: must never show up in Hebei's files.
  await assign(A.hubei!, { objectiveId: m[0]!.id, orgId: wuchang.id });
});
afterAll(async () => {
  await t?.close();
  delete process.env.UPLOAD_DIR;
  fs.rmSync(uploads, { recursive: true, force: true });
});

const LEDGER_HEADER = [
  "举措编号",
  "具体举措",
  "主要任务",
  "承办单位",
  "所属地区",
  "下达单位",
  "上级任务",
  "类型",
  "状态",
  "优先级",
  "截止日期",
  "签收日期",
  "办结上报日期",
  "销号日期",
  "是否逾期",
  "责任人",
  "进度（%）",
  "进展状态",
  "最新进展",
  "最新进展日期",
  "佐证材料（份）",
];

describe("台账 (ledger) export", () => {
  it("CSV: BOM, header, exactly the tasks in scope with their status, dates, person, latest progress and evidence", async () => {
    const res = (await csvOf(A.hebei!, { kind: "ledger", org: "130000" }))!;
    expect(res.text.startsWith("\uFEFF")).toBe(true);
    expect(res.file.fileName).toBe(`台账-河北省总工会-${todayText}.csv`);
    expect(res.file.contentType).toBe("text/csv; charset=utf-8");
    const [header, ...rows] = res.rows;
    expect(header).toEqual(LEDGER_HEADER);
    const inScope = await t.db.task.findMany({
      where: { orgPath: { has: (await org("130000")).id } },
      select: { objective: { select: { code: true } }, org: { select: { name: true } } },
    });
    expect(rows.map((r) => `${r[0]}@${r[3]}`).sort()).toEqual(
      inScope.map((x) => `${x.objective.code}@${x.org.name}`).sort(),
    );
    expect(rows).toHaveLength(4);
    expect(rows.some((r) => r[3]!.includes("武昌"))).toBe(false);

    const byCode = new Map(rows.map((r) => [`${r[0]}@${r[3]}`, r]));
    const main = await t.db.objective.findFirstOrThrow({ where: { level: "MAIN_TASK", code: "3.3" } });
    expect(byCode.get(`${m[0]!.code}@正定县总工会`)).toEqual([
      m[0]!.code,
      m[0]!.title,
      `3.3 ${main.title}`,
      "正定县总工会",
      "河北省 / 石家庄市 / 正定县",
      "河北省总工会",
      "",
      "规定动作",
      "办理中",
      "常规",
      DUE,
      todayText,
      "",
      "",
      "否",
      "正定县总工会干部",
      "60",
      "滞后",
      `'=SUM(1,2) 完成"调研",\n下步推进`,
      todayText,
      "3",
    ]);
    const pending = byCode.get(`${m[1]!.code}@正定县总工会`)!;
    expect([
      pending[8],
      pending[10],
      pending[11],
      pending[14],
      pending[15],
      pending[18],
      pending[20],
    ]).toEqual(["待签收", formatDay(addDays(today, -1)), "", "是", "", "", "0"]);
    const done = byCode.get(`${m[2]!.code}@正定县总工会`)!;
    expect([done[8], done[12], done[13], done[14], done[16]]).toEqual([
      "已销号",
      todayText,
      todayText,
      "否",
      "100",
    ]);
    const grassroots = byCode.get(`${m[3]!.code}@正定县恒达机械有限公司工会`);
    expect(grassroots?.slice(4, 7)).toEqual(["河北省 / 石家庄市 / 正定县", "正定县总工会", ""]);
  });

  it("reads the subtree in keyset-paged chunks without gaps or repeats", async () => {
    const hebei = await org("130000");
    const chunks: number[][] = [];
    for await (const c of ledgerTaskChunks(t.db, { orgId: hebei.id, measureIds: null }, 3))
      chunks.push(c.map((x) => x.id));
    expect(chunks.map((c) => c.length)).toEqual([3, 1]);
    const ids = chunks.flat();
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    const expected = await t.db.task.findMany({
      where: { orgPath: { has: hebei.id } },
      orderBy: { id: "asc" },
      select: { id: true },
    });
    expect(ids).toEqual(expected.map((x) => x.id));
  });

  it("keeps only the measures under an objective code, and narrows to a sub-org", async () => {
    const res = (await csvOf(A.hebei!, { kind: "ledger", org: "130000", objective: m[0]!.code }))!;
    expect(res.rows.slice(1).map((r) => r[0])).toEqual([m[0]!.code]);
    expect(res.file.fileName).toBe(`台账-河北省总工会-${m[0]!.code}-${todayText}.csv`);
    const county = (await csvOf(A.zhengding!, { kind: "ledger", org: "1301230001" }))!;
    expect(county.rows.slice(1).map((r) => r[3])).toEqual(["正定县恒达机械有限公司工会"]);
  });

  it("XLSX parses back to the same rows as the CSV", async () => {
    const csv = (await csvOf(A.hebei!, { kind: "ledger", org: "130000" }))!;
    const file = (await createExport(A.hebei!, {
      kind: "ledger",
      orgId: (await org("130000")).id,
      format: "xlsx",
      locale: "zh-CN",
    }))!;
    expect(file.fileName).toBe(`台账-河北省总工会-${todayText}.xlsx`);
    const xlsx = await xlsxRows(await read(file.body));
    expect(xlsx.name).toBe("台账");
    expect(xlsx.rows).toEqual(csv.rows);
  });

  it("XLSX past the row limit continues on 台账 (2) …, header on each sheet, no row lost or repeated", async () => {
    const csv = (await csvOf(A.hebei!, { kind: "ledger", org: "130000" }))!;
    const [header, ...records] = csv.rows;
    expect(records.length).toBeGreaterThan(2);
    const file = (await createExport(A.hebei!, {
      kind: "ledger",
      orgId: (await org("130000")).id,
      format: "xlsx",
      locale: "zh-CN",
      rowsPerSheet: 3, // header + 2 tasks a sheet
    }))!;
    const sheets = await xlsxSheets(await read(file.body));
    const n = Math.ceil(records.length / 2);
    expect(sheets.map((s) => s.name)).toEqual(
      Array.from({ length: n }, (_, i) => (i === 0 ? "台账" : `台账 (${i + 1})`)),
    );
    for (const s of sheets) expect(s.rows[0]).toEqual(header);
    expect(sheets.map((s) => s.rows.length - 1)).toEqual(
      Array.from({ length: n }, (_, i) => Math.min(2, records.length - 2 * i)),
    );
    expect(sheets.flatMap((s) => s.rows.slice(1))).toEqual(records);
  });

  it("is English when the language cookie says so", async () => {
    const res = (await csvOf(A.hebei!, { kind: "ledger", org: "130000", locale: "en" }))!;
    expect(res.rows[0]!.slice(0, 3)).toEqual(["Measure code", "Measure", "Main task"]);
    expect(res.rows.find((r) => r[3] === "正定县总工会" && r[0] === m[1]!.code)?.[8]).toBe("To sign for");
    expect(res.file.fileName).toBe(`Ledger-河北省总工会-${todayText}.csv`);
  });
});

describe("完成情况 (region table) export", () => {
  it("CSV: title lines, one row per child org, 下级单位合计, 本级 and 本地区", async () => {
    const res = (await csvOf(A.zhengding!, { kind: "completion", org: "130123" }))!;
    expect(res.text.startsWith("\uFEFF")).toBe(true);
    expect(res.file.fileName).toBe(`完成情况-正定县总工会-${todayText}.csv`);
    const [title, generated, note, blank, header, ...rest] = res.rows;
    expect(title).toEqual(["正定县总工会 任务完成情况"]);
    expect(generated![0]).toMatch(new RegExp(`^生成时间：${todayText} \\d{2}:\\d{2}（北京时间）$`));
    expect(note![0]).toMatch(/^说明：逐级分解的任务在每个地区只计一次/);
    expect(blank).toEqual([""]);
    expect(header).toEqual([
      "单位",
      "下达任务数",
      "已签收",
      "待签收",
      "已退回",
      "办理中",
      "待审核",
      "已销号",
      "已逾期",
      "完成率",
      "按期完成率",
      "平均进度（%）",
      "红灯",
      "黄灯",
      "绿灯",
    ]);
    const children = await t.db.org.count({ where: { parentId: (await org("130123")).id } });
    expect(rest).toHaveLength(children + 3);
    const byName = new Map(rest.map((r) => [r[0], r]));
    expect(byName.get("正定县恒达机械有限公司工会")).toEqual([
      "正定县恒达机械有限公司工会",
      "1",
      "0",
      "1",
      "0",
      "0",
      "0",
      "0",
      "0",
      "0.0%",
      "",
      "0.0",
      "0",
      "0",
      "1",
    ]);
    // Own tasks: m0 (in progress, 60%), m1 (pending, overdue), m2 (completed on time).
    expect(byName.get("本级")).toEqual([
      "本级",
      "3",
      "2",
      "1",
      "0",
      "1",
      "0",
      "1",
      "1",
      "33.3%",
      "100.0%",
      "53.3",
      "1",
      "0",
      "1",
    ]);
    // 下级单位合计: 恒达's one task (pending). 本地区 = 本级 + 恒达's task, which 正定 gave itself
    // (not passed down from a task of 正定): 4 tasks, (60 + 0 + 100 + 0) / 4 = 40% average progress.
    expect(byName.get("下级单位合计")).toEqual([
      "下级单位合计",
      "1",
      "0",
      "1",
      "0",
      "0",
      "0",
      "0",
      "0",
      "0.0%",
      "",
      "0.0",
      "0",
      "0",
      "1",
    ]);
    expect(rest.at(-1)).toEqual([
      "本地区（上级所见）",
      "4",
      "2",
      "2",
      "0",
      "1",
      "0",
      "1",
      "1",
      "25.0%",
      "100.0%",
      "40.0",
      "1",
      "0",
      "2",
    ]);
  });

  it("a province's table has its cities, no 本级 row when it holds nothing itself, and the objective line", async () => {
    const res = (await csvOf(A.hebei!, { kind: "completion", org: "130000", objective: "3.3" }))!;
    expect(res.rows[1]![0]).toMatch(/^任务目标：3\.3 /);
    const body = res.rows.slice(6); // title, objective, generated, note, blank, header
    expect(body.find((r) => r[0] === "石家庄市总工会")?.slice(0, 3)).toEqual(["石家庄市总工会", "4", "2"]);
    expect(body.some((r) => r[0] === "本级")).toBe(false);
    expect(body.slice(-2).map((r) => r.slice(0, 2))).toEqual([
      ["下级单位合计", "4"],
      ["本地区（上级所见）", "4"],
    ]);
  });

  it("XLSX has the same content, ratios as percentages", async () => {
    const now = new Date();
    const csv = (await csvOf(A.zhengding!, { kind: "completion", org: "130123", now }))!;
    const file = (await createExport(A.zhengding!, {
      kind: "completion",
      orgId: (await org("130123")).id,
      format: "xlsx",
      locale: "zh-CN",
      now,
    }))!;
    expect(file.contentType).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    const xlsx = await xlsxRows(await read(file.body));
    expect(xlsx.name).toBe("完成情况");
    expect(trimEmpty(xlsx.rows).map((r) => r.join("|"))).toEqual(trimEmpty(csv.rows).map((r) => r.join("|")));
  });
});

describe("scope and the route handlers", () => {
  it("another province's org is not found, in both exports", async () => {
    const hebei = await org("130000");
    for (const kind of ["ledger", "completion"] as const) {
      const q = { kind, orgId: hebei.id, locale: "zh-CN" } as const;
      expect(await createExport(A.wuhan!, { ...q, format: "csv" })).toBeNull();
      expect(await createExport(A.zhengding!, { ...q, format: "xlsx" })).toBeNull(); // above the user
      expect(await createExport(A.hebei!, { ...q, objective: "9.9", format: "csv" })).toBeNull();
    }
  });

  const call = async (
    handler: (req: Request) => Promise<Response>,
    { query, user, locale }: { query: string; user: TTestActor | null; locale?: string },
  ) => {
    session.user = user;
    session.locale = locale;
    return handler(new Request(`http://localhost/api/exports/x?${query}`));
  };

  it("answers 401, 403, 400 (with the parameter) and 404 with a code only", async () => {
    const hebei = (await org("130000")).id;
    const unauth = await call(getLedger, { query: `org=${hebei}&format=csv`, user: null });
    expect([unauth.status, await unauth.json()]).toEqual([401, { code: "UNAUTHENTICATED" }]);
    const staff = await call(getLedger, { query: `org=${hebei}&format=csv`, user: A["zhengding.staff"]! });
    expect([staff.status, await staff.json()]).toEqual([403, { code: "FORBIDDEN" }]);
    const bad = await call(getCompletion, { query: `org=${hebei}&format=pdf`, user: A.hebei! });
    expect([bad.status, await bad.json()]).toEqual([
      400,
      { code: "VALIDATION", fieldErrors: { format: "invalid" } },
    ]);
    const badOrg = await call(getLedger, { query: "org=abc", user: A.hebei! });
    expect([badOrg.status, await badOrg.json()]).toEqual([
      400,
      { code: "VALIDATION", fieldErrors: { org: "invalid" } },
    ]);
    for (const handler of [getLedger, getCompletion]) {
      const other = await call(handler, { query: `org=${hebei}&format=csv`, user: A.wuhan! });
      expect([other.status, await other.json()]).toEqual([404, { code: "NOT_FOUND" }]);
      const missing = await call(handler, { query: "org=99999999&format=xlsx", user: A.acftu! });
      expect([missing.status, await missing.json()]).toEqual([404, { code: "NOT_FOUND" }]);
    }
  });

  it("streams the file with download headers; the user's own org by default, xlsx by default", async () => {
    const res = await call(getLedger, { query: "format=csv", user: A.hebei! });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("cache-control")).toBe("no-store");
    // The current plan (here the only one, the 17th report, prefix 3) is named in the file.
    const name = `台账-河北省总工会-3-${todayText}.csv`;
    expect(res.headers.get("content-disposition")).toBe(
      `attachment; filename="ledger-130000-3-${todayText}.csv"; filename*=UTF-8''${encodeURIComponent(name)}`,
    );
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await res.arrayBuffer());
    expect(text.startsWith("\uFEFF举措编号,")).toBe(true);
    expect(parseCsv(text.slice(1))).toHaveLength(5);

    const xlsx = await call(getCompletion, {
      query: `org=${(await org("130123")).id}`,
      user: A.zhengding!,
      locale: "en",
    });
    expect(xlsx.headers.get("content-type")).toBe(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    expect(xlsx.headers.get("content-disposition")).toContain(
      `filename*=UTF-8''${encodeURIComponent(`Completion-正定县总工会-3-${todayText}.xlsx`)}`,
    );
    const parsed = await xlsxRows(Buffer.from(await xlsx.arrayBuffer()));
    expect(parsed.name).toBe("Completion");
    expect(parsed.rows[0]![0]).toBe("正定县总工会: task completion");
  });

  it("ids above 2^31-1 or not in canonical form are a 400, never a 500", async () => {
    for (const org of ["99999999999", "2147483648", "1e2", "0x10", "-1", "1.5"]) {
      const res = await call(getLedger, { query: `org=${org}&format=csv`, user: A.hebei! });
      expect([res.status, await res.json()], org).toEqual([
        400,
        { code: "VALIDATION", fieldErrors: { org: "invalid" } },
      ]);
    }
  });

  it("audits every export with its scope, and one refused for scope as DENIED", async () => {
    const before = await t.db.auditEvent.count({ where: { action: "export.download" } });
    const hebei = await org("130000");
    const res = await call(getLedger, { query: `org=${hebei.id}&objective=3.3&format=csv`, user: A.hebei! });
    expect(res.status).toBe(200);
    await res.arrayBuffer();
    const denied = await call(getCompletion, { query: `org=${hebei.id}`, user: A.wuhan! });
    expect(denied.status).toBe(404);
    const rows = await t.db.auditEvent.findMany({
      where: { action: "export.download" },
      orderBy: { id: "asc" },
      skip: before,
    });
    expect(
      rows.map((r) => ({
        actorId: r.actorId,
        outcome: r.outcome,
        target: [r.targetType, r.targetId],
        detail: r.detail,
      })),
    ).toEqual([
      {
        actorId: A.hebei!.id,
        outcome: "SUCCESS",
        target: ["org", String(hebei.id)],
        detail: { kind: "ledger", orgId: hebei.id, plan: "3", objective: "3.3", format: "csv" },
      },
      {
        actorId: A.wuhan!.id,
        outcome: "DENIED",
        target: ["org", String(hebei.id)],
        detail: { kind: "completion", orgId: hebei.id, plan: "3", objective: null, format: "xlsx" },
      },
    ]);
  });
});
