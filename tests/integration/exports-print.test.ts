import crypto from "node:crypto";
import type { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createExport } from "@/features/exports/server/export-file";
import { ZAssignTasks } from "@/features/tasks/schemas";
import { assignTasks } from "@/features/tasks/server/assign-tasks";
import { claimTask } from "@/features/tasks/server/claim-task";
import { signTask } from "@/features/tasks/server/sign-task";
import { addDays, chinaToday, formatDay } from "@/lib/dates";
import { seedAll } from "@/prisma/seed/seed-all";
import { loadActors, type TTestActor } from "../helpers/actors";
import { createTestDb, type TTestDb } from "../helpers/test-db";

// 台账: 下达单位 and 上级任务 for a chain passed down, a top-level task and a claim; and how the XLSX prints.
let t: TTestDb;
let A: Record<string, TTestActor>;
let m: { id: number; code: string; title: string }[] = [];
const today = chinaToday();
const org = (code: string) => t.db.org.findUniqueOrThrow({ where: { code } });
const taskOf = async (objectiveId: number, orgCode: string) =>
  t.db.task.findFirstOrThrow({ where: { objectiveId, org: { code: orgCode } } });
const assign = (
  actor: TTestActor,
  q: { objectiveId: number; orgId: number; parentTaskId?: number; days: number },
) =>
  assignTasks(
    actor,
    ZAssignTasks.parse({
      clientToken: crypto.randomUUID(),
      objectiveIds: [q.objectiveId],
      target: { mode: "orgs", orgIds: [q.orgId] },
      dueDate: formatDay(addDays(today, q.days)),
      ...(q.parentTaskId ? { parentTaskId: q.parentTaskId } : {}),
    }),
  );

async function read(body: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const b of body) parts.push(Buffer.from(b as Buffer));
  return Buffer.concat(parts);
}

async function xlsxOf(actor: TTestActor, q: { kind: "ledger" | "completion"; org: string }) {
  const file = (await createExport(actor, {
    kind: q.kind,
    orgId: (await org(q.org)).id,
    format: "xlsx",
    locale: "zh-CN",
  }))!;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await read(file.body)) as unknown as ArrayBuffer);
  return { file, ws: wb.worksheets[0]! };
}

const texts = (row: ExcelJS.Row, n: number) =>
  Array.from({ length: n }, (_, i) => {
    const v = row.getCell(i + 1).value;
    return v === null || v === undefined ? "" : String(v);
  });

beforeAll(async () => {
  t = await createTestDb();
  await seedAll(t.db, { demoUsers: true });
  A = await loadActors(t.db);
  m = await t.db.objective.findMany({
    where: { level: "MEASURE", code: { startsWith: "3.4." } },
    orderBy: { sortOrder: "asc" },
    take: 3,
    select: { id: true, code: true, title: true },
  });
  const [sjz, zd] = [await org("130100"), await org("130123")];
  // m0: 河北 → 石家庄 (top level), which signs and passes it down to 正定.
  await assign(A.hebei!, { objectiveId: m[0]!.id, orgId: sjz.id, days: 60 });
  const sjzTask = await taskOf(m[0]!.id, "130100");
  await signTask(A.shijiazhuang!, { taskId: sjzTask.id, version: sjzTask.version });
  await assign(A.shijiazhuang!, { objectiveId: m[0]!.id, orgId: zd.id, parentTaskId: sjzTask.id, days: 30 });
  // m1: 河北 → 正定 directly; m2: claimed by 恒达 (a branch of 正定).
  await assign(A.hebei!, { objectiveId: m[1]!.id, orgId: zd.id, days: 60 });
  await claimTask(A["hengda.chair"]!, { objectiveId: m[2]!.id, dueDate: formatDay(addDays(today, 90)) });
  // Another province's task, never in Hebei's file.
  await assign(A.hubei!, { objectiveId: m[0]!.id, orgId: (await org("420100")).id, days: 60 });
});
afterAll(async () => {
  await t?.close();
});

describe("台账 XLSX: 下达单位 and 上级任务", () => {
  it("names the parent task's holder for a task passed down, the assigning org for a top-level task", async () => {
    const { ws } = await xlsxOf(A.hebei!, { kind: "ledger", org: "130000" });
    const header = texts(ws.getRow(1), ws.columnCount);
    const [code, holder, assigner, parent] = ["举措编号", "承办单位", "下达单位", "上级任务"].map((h) =>
      header.indexOf(h),
    );
    expect([code, holder, assigner, parent].every((i) => i! >= 0)).toBe(true);
    const body = Array.from({ length: ws.rowCount - 1 }, (_, i) => texts(ws.getRow(i + 2), header.length));
    const byKey = new Map(body.map((r) => [`${r[code!]}@${r[holder!]}`, r]));
    expect(body).toHaveLength(4);

    // Expected values straight from the database, by the definition: 上级任务's holder, else the creator's org.
    const sjzTask = await t.db.task.findFirstOrThrow({
      where: { objectiveId: m[0]!.id, org: { code: "130100" } },
      select: { id: true, org: { select: { name: true } } },
    });
    const creatorOrg = async (objectiveId: number, orgCode: string) => {
      const x = await t.db.task.findFirstOrThrow({ where: { objectiveId, org: { code: orgCode } } });
      const u = await t.db.user.findUniqueOrThrow({ where: { id: x.createdById }, select: { org: true } });
      return u.org.name;
    };
    const passedDown = byKey.get(`${m[0]!.code}@正定县总工会`)!;
    expect([passedDown[assigner!], passedDown[parent!]]).toEqual([
      sjzTask.org.name,
      `#${sjzTask.id} 石家庄市总工会：${m[0]!.code} ${m[0]!.title}`,
    ]);
    expect(sjzTask.org.name).toBe("石家庄市总工会");
    const top = byKey.get(`${m[0]!.code}@石家庄市总工会`)!;
    expect([top[assigner!], top[parent!]]).toEqual([await creatorOrg(m[0]!.id, "130100"), ""]);
    expect(top[assigner!]).toBe("河北省总工会");
    const direct = byKey.get(`${m[1]!.code}@正定县总工会`)!;
    expect([direct[assigner!], direct[parent!]]).toEqual(["河北省总工会", ""]);
    // A claim (自选动作) is reviewed by the parent org, which the task page also shows as 下达单位.
    const claim = byKey.get(`${m[2]!.code}@正定县恒达机械有限公司工会`)!;
    expect([claim[assigner!], claim[parent!]]).toEqual(["正定县总工会", ""]);
  });
});

describe("XLSX prints sensibly", () => {
  it("ledger: A4 landscape, one page wide, header row repeated, 宋体 on header and every data cell", async () => {
    const { ws, file } = await xlsxOf(A.hebei!, { kind: "ledger", org: "130000" });
    expect(file.asciiName).toBe(`ledger-130000-${formatDay(today)}.xlsx`);
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: "1:1",
    });
    const width = ws.columnCount;
    expect(width).toBeGreaterThanOrEqual(21);
    for (let c = 1; c <= width; c++) {
      expect(ws.getRow(1).getCell(c).font).toMatchObject({ name: "宋体", bold: true });
      for (let r = 2; r <= ws.rowCount; r++) expect(ws.getRow(r).getCell(c).font?.name).toBe("宋体");
    }
    // Empty cells (上级任务 of a top-level task) carry the font too.
    const parentCol = texts(ws.getRow(1), width).indexOf("上级任务") + 1;
    const empties = Array.from({ length: ws.rowCount - 1 }, (_, i) =>
      ws.getRow(i + 2).getCell(parentCol),
    ).filter((c) => c.value === null);
    expect(empties).toHaveLength(3);
    for (const c of empties) expect(c.font?.name).toBe("宋体");
  });

  it("completion: the header below the title block is the printed title row; title and footer name the font", async () => {
    const { ws, file } = await xlsxOf(A.hebei!, { kind: "completion", org: "130000" });
    expect(file.asciiName).toBe(`completion-130000-${formatDay(today)}.xlsx`);
    let headerRow = 0;
    ws.eachRow((row, n) => {
      if (row.getCell(1).value === "单位") headerRow = n;
    });
    expect(headerRow).toBeGreaterThan(1);
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${headerRow}:${headerRow}`,
    });
    expect(ws.getRow(1).getCell(1).font).toMatchObject({ name: "宋体", bold: true, size: 14 });
    expect(ws.getRow(headerRow).getCell(2).font).toMatchObject({ name: "宋体", bold: true });
    const last = ws.getRow(ws.rowCount);
    for (let c = 1; c <= ws.columnCount; c++) expect(last.getCell(c).font?.name).toBe("宋体");
  });
});
