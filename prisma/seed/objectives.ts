import fs from "node:fs";
import path from "node:path";
import { parseReport, type ParsedObjective } from "../../features/objectives/lib/parse-report";
import type { TDb } from "../../lib/db/client";

const REPORT_FILE = path.join(import.meta.dirname, "data", "report-17th-congress.txt");

export function loadReportObjectives(): ParsedObjective[] {
  return parseReport(fs.readFileSync(REPORT_FILE, "utf8"));
}

/** The 17th report as a plan: prefix "3" keeps its codes (3, 3.1 … 3.6.x.y) as they always were. */
export const REPORT_PLAN = {
  codePrefix: "3",
  title: "中国工会第十七次全国代表大会报告",
  kind: "CONGRESS_REPORT",
  periodStart: new Date("2018-10-22T00:00:00Z"),
  periodEnd: new Date("2023-10-08T00:00:00Z"),
} as const;

/** The report's plan row, issued by the national federation (seeded before the objectives). */
async function seedReportPlan(db: TDb): Promise<number> {
  const national = await db.org.findFirst({ where: { level: "NATIONAL" }, select: { id: true } });
  if (!national) throw new Error("seed the orgs before the objectives: the plan needs its issuing org");
  const plan = await db.plan.upsert({
    where: { codePrefix: REPORT_PLAN.codePrefix },
    create: { ...REPORT_PLAN, issuingOrgId: national.id },
    update: {},
    select: { id: true },
  });
  return plan.id;
}

/**
 * Inserts the report's objectives that are missing, keyed on their stable codes (parents first).
 * Existing rows are left alone: once seeded, the plan is edited in the app (with history), and a
 * restart must not undo those edits.
 */
export async function seedObjectives(db: TDb, items = loadReportObjectives()): Promise<number> {
  const root = items.find((i) => i.level === "PLAN");
  if (!root) throw new Error("the report has no plan node");
  const planId = await seedReportPlan(db);
  const existing = new Map(
    (await db.objective.findMany({ select: { id: true, code: true } })).map((o) => [o.code, o.id]),
  );
  const ids = new Map(existing);
  for (const item of items) {
    const parentId = item.parentCode ? ids.get(item.parentCode) : null;
    if (parentId === undefined) throw new Error(`objective ${item.code}: parent ${item.parentCode} missing`);
    const data = {
      planId,
      level: item.level,
      parentId,
      title: item.title,
      sourceText: item.sourceText,
      sortOrder: item.order,
    };
    const row = await db.objective.upsert({
      where: { code: item.code },
      create: { code: item.code, ...data },
      update: {},
      select: { id: true },
    });
    ids.set(item.code, row.id);
  }
  return items.length;
}
