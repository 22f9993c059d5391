import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { saveAttachment } from "@/features/evidence/server/save-attachment";
import { createExport } from "@/features/exports/server/export-file";
import { addDays, chinaToday, formatDay } from "@/lib/dates";
import { ZAssignTasks, ZReview } from "@/features/tasks/schemas";
import { assignStaff } from "@/features/tasks/server/assign-staff";
import { assignTasks } from "@/features/tasks/server/assign-tasks";
import { logProgress } from "@/features/tasks/server/log-progress";
import { signTask } from "@/features/tasks/server/sign-task";
import { reviewCompletion } from "@/features/tasks/server/review-completion";
import { submitCompletion } from "@/features/tasks/server/submit-completion";
import { seedAll } from "@/prisma/seed/seed-all";
import { loadActors, type TTestActor } from "../helpers/actors";
import { createTestDb, type TTestDb } from "../helpers/test-db";

// The data both export test files read (exports.test.ts: 台账 and the route handlers;
// exports-completion.test.ts: 完成情况), and readers for the files: a fresh database per test file.
export type TExportData = {
  t: TTestDb;
  A: Record<string, TTestActor>;
  m: { id: number; code: string; title: string }[];
};

let t: TTestDb;
const uploads = fs.mkdtempSync(path.join(os.tmpdir(), "utt-exports-"));
const token = () => crypto.randomUUID();
export const today = chinaToday();
export const todayText = formatDay(today);
export const org = (code: string) => t.db.org.findUniqueOrThrow({ where: { code } });
const taskOf = (objectiveId: number, orgCode: string) =>
  t.db.task.findFirstOrThrow({ where: { objectiveId, org: { code: orgCode } } });
/** The due date of every task unless a test says otherwise: half a year ahead, so it is never overdue. */
export const DUE = formatDay(addDays(today, 180));
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
export function parseCsv(text: string): string[][] {
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

export async function read(body: Readable): Promise<Buffer> {
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
export async function xlsxRows(buffer: Buffer): Promise<{ name: string; rows: string[][] }> {
  return (await xlsxSheets(buffer))[0]!;
}
/** Every worksheet, in order. */
export async function xlsxSheets(buffer: Buffer): Promise<{ name: string; rows: string[][] }[]> {
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
export const trimEmpty = (rows: string[][]) =>
  rows.map((r) => r.slice(0, r.findLastIndex((c) => c !== "") + 1));

export async function csvOf(
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

/** Seeds the database and creates the tasks every export test reads. */
export async function setUpExportData(): Promise<TExportData> {
  process.env.UPLOAD_DIR = uploads;
  t = await createTestDb();
  await seedAll(t.db, { demoUsers: true });
  const A = await loadActors(t.db);
  const m = await t.db.objective.findMany({
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
  return { t, A, m };
}

export async function tearDownExportData(): Promise<void> {
  await t?.close();
  delete process.env.UPLOAD_DIR;
  fs.rmSync(uploads, { recursive: true, force: true });
}

export const LEDGER_HEADER = [
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
