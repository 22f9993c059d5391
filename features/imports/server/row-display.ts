import "server-only";
import type { TLocale } from "@/lib/i18n/config";
import type { TImportKind } from "../lib/spec";
import { getImportSpec, importDisplay } from "./kinds";
import type { TRowView } from "./list-rows";
import { importTranslator, rowErrorText } from "./sheets";

export type TRowDisplay = {
  rowNo: number;
  action: TRowView["action"];
  /** The row's first two cells (name and code, username …). */
  title: string;
  changes: { label: string; before: string; after: string }[];
  errors: string[];
};

/** Rows as the preview shows them: changed fields with their headers, errors as catalogue text. */
export function displayRows(kind: TImportKind, rows: TRowView[], locale: TLocale): TRowDisplay[] {
  const { columns } = getImportSpec(kind);
  const show = importDisplay(kind);
  const t = importTranslator(locale);
  return rows.map((r) => ({
    rowNo: r.rowNo,
    action: r.action,
    title: columns
      .slice(0, 2)
      .map((c) => r.cells[c.key] ?? "")
      .filter(Boolean)
      .join(" · "),
    changes: Object.entries(r.changes ?? {}).map(([field, [before, after]]) => ({
      label: columns.find((c) => c.key === field)?.header ?? field,
      before: show(field, before),
      after: show(field, after),
    })),
    errors: (r.errors ?? []).map((e) => rowErrorText(t, kind, e)),
  }));
}
