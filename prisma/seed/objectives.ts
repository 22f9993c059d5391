import fs from "node:fs";
import path from "node:path";
import { parseReport, type ParsedObjective } from "../../features/objectives/lib/parse-report";
import type { TDb } from "../../lib/db/client";

const REPORT_FILE = path.join(import.meta.dirname, "data", "report-17th-congress.txt");

export function loadReportObjectives(): ParsedObjective[] {
  return parseReport(fs.readFileSync(REPORT_FILE, "utf8"));
}

/** Upserts the objective hierarchy keyed on its stable codes (parents first). */
export async function seedObjectives(db: TDb, items = loadReportObjectives()): Promise<number> {
  const existing = new Map(
    (await db.objective.findMany({ select: { id: true, code: true } })).map((o) => [o.code, o.id]),
  );
  const ids = new Map(existing);
  for (const item of items) {
    const parentId = item.parentCode ? ids.get(item.parentCode) : null;
    if (parentId === undefined) throw new Error(`objective ${item.code}: parent ${item.parentCode} missing`);
    const data = {
      level: item.level,
      parentId,
      title: item.title,
      sourceText: item.sourceText,
      sortOrder: item.order,
    };
    const row = await db.objective.upsert({
      where: { code: item.code },
      create: { code: item.code, ...data },
      update: data,
      select: { id: true },
    });
    ids.set(item.code, row.id);
  }
  return items.length;
}
