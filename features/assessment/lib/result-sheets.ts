import type { TColumn, TRow, TSheet } from "@/features/exports/lib/sheet";
import { formatChinaDateTime, formatDay } from "@/lib/dates";
import type { TResultOutput, TResultUnit } from "../server/result-output";
import { describeLine, type TTranslateAll } from "./describe-rule";
import { resultSubject } from "./subject";

// The workbook of a published 考评 result: "排名" (one row per unit) and one long "得分明细" sheet
// (the base score and every line of every unit, so a unit's points add up to its total). Two sheets
// however many units (2,842 counties open well in Excel as one filterable list). A unit's own
// managers (UNIT view) get only the 得分明细 of their unit, with its score, grade and rank on top.

type TOut = Pick<
  TResultOutput,
  "view" | "asOf" | "docNumber" | "scheme" | "indicatorNames" | "units" | "objectionNotes"
>;

const CHUNK = 2000;
async function* chunked(rows: TRow[]): AsyncGenerator<TRow[]> {
  for (let i = 0; i < rows.length; i += CHUNK) yield rows.slice(i, i + CHUNK);
}

type TSpec = readonly [key: string, kind: TColumn["kind"], width: number];
const columns = (t: TTranslateAll, specs: readonly TSpec[]): TColumn[] =>
  specs.map(([key, kind, width]) => ({ header: t(`assessmentOutputs.cols.${key}`), kind, width }));

export function rankingColumns(t: TTranslateAll): TColumn[] {
  return columns(t, [
    ["rank", "int", 8],
    ["unit", "text", 30],
    ["code", "text", 12],
    ["total", "points", 10],
    ["grade", "text", 10],
    ["vetoed", "text", 10],
  ]);
}

export function lineColumns(t: TTranslateAll): TColumn[] {
  return columns(t, [
    ["unit", "text", 30],
    ["code", "text", 12],
    ["item", "text", 14],
    ["basis", "text", 50],
    ["count", "int", 8],
    ["points", "points", 10],
    ["original", "points", 10],
    ["note", "text", 24],
  ]);
}

/** A unit's 得分明细 rows: the base score, then each line in words. */
export function unitLineRows(out: TOut, u: TResultUnit, t: TTranslateAll): TRow[] {
  const rules = { rules: out.scheme.rules.rules, indicatorNames: out.indicatorNames };
  const base: TRow = [u.name, u.code, t("assessmentOutputs.base"), "", null, out.scheme.rules.base, null, ""];
  return [
    base,
    ...u.lines.map((l): TRow => {
      const { kind, basis } = describeLine(l, rules, t);
      const objection = out.objectionNotes.get(`${u.orgId}:${l.key}`);
      const note =
        l.original === undefined && !l.lifted
          ? ""
          : [t("assessmentOutputs.objectionAccepted"), objection].filter(Boolean).join(t("punct.colon"));
      return [u.name, u.code, kind, basis, l.count, l.points, l.original ?? null, note];
    }),
  ];
}

export function resultSheets(out: TOut, t: TTranslateAll, now: Date): TSheet[] {
  const values = { year: out.scheme.year, scheme: resultSubject(out.scheme.title, out.scheme.year) };
  const head = [
    t("assessmentOutputs.export.title", values),
    t("assessmentOutputs.export.issuer", { org: out.scheme.orgName, day: formatDay(out.asOf) }),
    ...(out.docNumber ? [t("assessmentOutputs.export.docNo", { docNo: out.docNumber })] : []),
  ];
  const generated = t("exports.title.generated", { time: formatChinaDateTime(now) });
  const grade = (u: TResultUnit) => t(`assessment.grade.${u.grade}`);
  const own = (u: TResultUnit) =>
    t("assessmentOutputs.export.unit", {
      unit: u.name,
      score: u.total.toFixed(2),
      grade: grade(u),
      rank: u.rank,
    });
  const lines: TSheet = {
    name: t("assessmentOutputs.export.sheetLines"),
    titleLines: [...head, ...(out.view === "UNIT" ? out.units.map(own) : []), generated],
    columns: lineColumns(t),
    rows: chunked(out.units.flatMap((u) => unitLineRows(out, u, t))),
  };
  if (out.view === "UNIT") return [lines];
  const ranking: TSheet = {
    name: t("assessmentOutputs.export.sheetRanking"),
    titleLines: [...head, generated],
    columns: rankingColumns(t),
    rows: chunked(
      out.units.map((u) => [
        u.rank,
        u.name,
        u.code,
        u.total,
        grade(u),
        t(u.vetoed ? "assessmentOutputs.yes" : "assessmentOutputs.no"),
      ]),
    ),
  };
  return [ranking, lines];
}
