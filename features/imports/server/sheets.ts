import "server-only";
import { createTranslator } from "next-intl";
import type { TLocale } from "@/lib/i18n/config";
import { MESSAGES } from "@/lib/i18n/messages";
import type { TImportKind, TRowError } from "../lib/spec";
import { getImportSpec } from "./kinds";
import type { TWorkbookSpec } from "./write-workbook";
import { getDb } from "@/lib/db/client";

type TT = { (key: string, values?: Record<string, string | number>): string; has: (key: string) => boolean };

/** The imports catalogue for one locale, outside React (route handlers build spreadsheets with it). */
export function importTranslator(locale: TLocale): TT {
  const t = createTranslator({ locale, messages: MESSAGES[locale], timeZone: "Asia/Shanghai" });
  const f = ((key: string, values?: Record<string, string | number>) =>
    t(`imports.${key}` as never, values as never)) as TT;
  f.has = (key) => t.has(`imports.${key}` as never);
  return f;
}

/** A row error as one line of text: "上级工会：找不到上级工会 …". */
export function rowErrorText(t: TT, kind: TImportKind, e: TRowError): string {
  const key = `rowErrors.${e.code}`;
  const message = t.has(key) ? t(key, e.params ?? {}) : t("rowErrors.invalid");
  const column = getImportSpec(kind).columns.find((c) => c.key === e.column)?.header;
  return column ? t("sheet.columnError", { column, message }) : message;
}

function notes(t: TT, kind: TImportKind): string[] {
  const lines: string[] = [];
  for (let i = 1; t.has(`notes.${kind}.n${i}`); i++) lines.push(t(`notes.${kind}.n${i}`));
  return lines;
}

/** The template: Chinese headers, one example row, and a 说明 sheet. */
export function templateWorkbook(kind: TImportKind, locale: TLocale): TWorkbookSpec {
  const t = importTranslator(locale);
  const { columns } = getImportSpec(kind);
  const required = columns.map(
    (c) => `${c.header}：${c.required ? t("sheet.required") : t("sheet.optional")}`,
  );
  return {
    sheetName: t(`kinds.${kind}`),
    headers: columns.map((c) => c.header),
    rows: [[columns.map((c) => c.example ?? "")]],
    notes: {
      sheetName: t("sheet.notesSheet"),
      lines: [t("sheet.notesTitle"), ...notes(t, kind), "", ...required],
    },
  };
}

/**
 * The uploaded rows again (as read and normalised), in the template's columns, with the original row
 * number and a 错误 column: only the rows with errors, or every row (`all`).
 */
export function errorReportWorkbook(
  job: { id: number; kind: TImportKind },
  opts: { all: boolean; locale: TLocale },
): TWorkbookSpec {
  const t = importTranslator(opts.locale);
  const { columns } = getImportSpec(job.kind);
  async function* rows(): AsyncGenerator<string[][]> {
    let after = 0;
    for (;;) {
      const page = await getDb().importRow.findMany({
        where: { jobId: job.id, rowNo: { gt: after }, ...(opts.all ? {} : { action: "ERROR" }) },
        orderBy: { rowNo: "asc" },
        take: 2000,
        select: { rowNo: true, cells: true, errors: true },
      });
      if (page.length === 0) return;
      after = page.at(-1)!.rowNo;
      yield page.map((r) => {
        const cells = r.cells as Record<string, string>;
        const errors = ((r.errors ?? []) as TRowError[])
          .map((e) => rowErrorText(t, job.kind, e))
          .join(t("sheet.joiner"));
        return [...columns.map((c) => cells[c.key] ?? ""), String(r.rowNo), errors];
      });
    }
  }
  return {
    sheetName: t(`kinds.${job.kind}`),
    headers: [...columns.map((c) => c.header), t("sheet.rowColumn"), t("sheet.errorColumn")],
    rows: rows(),
  };
}
