import type { TCellKind, TColumn } from "./sheet";
import type { TTranslate } from "./translate";

type TSpec = readonly [key: string, kind: TCellKind, width: number];

// Column order here is the order of the cells built in completion-table.ts / ledger-row.ts.
export const COMPLETION_SPECS = [
  ["org", "text", 30],
  ["total", "int", 12],
  ["signed", "int", 10],
  ["pendingSign", "int", 10],
  ["handedBack", "int", 10],
  ["inProgress", "int", 10],
  ["submitted", "int", 10],
  ["completed", "int", 10],
  ["overdue", "int", 10],
  ["completionRate", "percent", 12],
  ["onTimeRate", "percent", 12],
  ["avgProgress", "decimal", 14],
  // 红黄绿灯 (features/lights): open counted tasks by warning light.
  ["red", "int", 8],
  ["yellow", "int", 8],
  ["green", "int", 8],
] as const satisfies readonly TSpec[];

export const LEDGER_SPECS = [
  ["measureCode", "text", 12],
  ["measureTitle", "text", 50],
  ["mainTask", "text", 30],
  ["org", "text", 28],
  ["region", "text", 26],
  ["assigner", "text", 24],
  ["parentTask", "text", 40],
  ["kind", "text", 10],
  ["status", "text", 10],
  ["priority", "text", 8],
  ["dueDate", "date", 12],
  ["signedDate", "date", 12],
  ["submittedDate", "date", 14],
  ["completedDate", "date", 12],
  ["overdue", "text", 10],
  ["responsible", "text", 14],
  ["progress", "int", 10],
  ["progressState", "text", 10],
  ["latestProgress", "text", 50],
  ["latestProgressDate", "date", 14],
  ["evidence", "int", 12],
] as const satisfies readonly TSpec[];

const columns = (specs: readonly TSpec[], ns: string, t: TTranslate): TColumn[] =>
  specs.map(([key, kind, width]) => ({ header: t(`${ns}.${key}`), kind, width }));

export const completionColumns = (t: TTranslate) => columns(COMPLETION_SPECS, "exports.completion", t);
export const ledgerColumns = (t: TTranslate) => columns(LEDGER_SPECS, "exports.ledger", t);
