// The rows of a 目标分解表 (工会代码 → 目标值), as read from a sheet's cells (pure; unit-tested).
import { zIndicatorValue } from "@/features/tasks/schemas";

export type TSheetTarget = { code: string; target: number };
export type TSheetIssue = { rowNo: number; reason: "code" | "number" | "duplicate" };
export type TSheetTargets = { rows: TSheetTarget[]; issues: TSheetIssue[] };

/** At most this many issues are reported (the first ones, by row). */
export const MAX_SHEET_ISSUES = 20;
const CODE_HEADERS = ["工会代码", "代码", "组织代码", "code", "orgcode"];
const TARGET_HEADERS = ["目标值", "目标", "target"];
const norm = (s: string) => s.replace(/\s+/g, "").toLowerCase();

/**
 * Reads rows of cells. The columns are found by a header row (工会代码 / 目标值, in any column);
 * without one, column A is the code and column B the target. Empty rows are skipped; a row with a
 * bad code, a bad number or a code seen before is an issue (the row is not used).
 */
export function readTargetRows(rows: readonly { rowNo: number; cells: readonly string[] }[]): TSheetTargets {
  const first = rows[0];
  let codeCol = 0;
  let targetCol = 1;
  let body = rows;
  if (first) {
    const heads = first.cells.map(norm);
    const c = heads.findIndex((h) => CODE_HEADERS.includes(h));
    const tcol = heads.findIndex((h) => TARGET_HEADERS.includes(h));
    if (c >= 0 && tcol >= 0) {
      codeCol = c;
      targetCol = tcol;
      body = rows.slice(1);
    }
  }
  const out: TSheetTargets = { rows: [], issues: [] };
  const seen = new Set<string>();
  const issue = (rowNo: number, reason: TSheetIssue["reason"]) => {
    if (out.issues.length < MAX_SHEET_ISSUES) out.issues.push({ rowNo, reason });
  };
  for (const r of body) {
    const code = (r.cells[codeCol] ?? "").trim();
    const raw = (r.cells[targetCol] ?? "").trim();
    if (!code && !raw) continue;
    if (!/^[0-9A-Za-z-]{1,40}$/.test(code)) {
      issue(r.rowNo, "code");
      continue;
    }
    const v = zIndicatorValue.safeParse(raw.replace(/,/g, ""));
    if (!v.success) {
      issue(r.rowNo, "number");
      continue;
    }
    if (seen.has(code)) {
      issue(r.rowNo, "duplicate");
      continue;
    }
    seen.add(code);
    out.rows.push({ code, target: Number(v.data) });
  }
  return out;
}
