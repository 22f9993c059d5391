import { chinaToday, formatDay } from "@/lib/dates";

export const FORMATS = ["xlsx", "csv"] as const;
export type TExportFormat = (typeof FORMATS)[number];

export const CONTENT_TYPES: Record<TExportFormat, string> = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  csv: "text/csv; charset=utf-8",
};

// Characters Windows, macOS or a shell would reject or misread in a file name.
// eslint-disable-next-line no-control-regex -- control characters are unsafe in file names: they are replaced
const UNSAFE = /[\\/:*?"<>|\u0000-\u001f\u007f]+/g;

/** 完成情况-河北省总工会-3.2-2026-11-25.xlsx (the day in China). */
export function exportFileName(parts: {
  label: string;
  orgName: string;
  objectiveCode?: string | null;
  now: Date;
  format: TExportFormat;
}): string {
  const pieces = [parts.label, parts.orgName, parts.objectiveCode ?? null, formatDay(chinaToday(parts.now))];
  const base = pieces
    .filter((p): p is string => !!p)
    .map((p) => p.replace(UNSAFE, "_").trim())
    .join("-");
  return `${base}.${parts.format}`;
}

/**
 * The plain-ASCII fallback name: 「ledger-130000-3.2-2026-11-25.xlsx」 (kind, org code, objective
 * code, China day), readable where the UTF-8 name is not understood. Codes are digits and dots;
 * anything else would be dropped rather than turned into underscores.
 */
export function asciiFileName(parts: {
  kind: string;
  orgCode: string;
  objectiveCode?: string | null;
  now: Date;
  format: TExportFormat;
}): string {
  const codes = [parts.kind, parts.orgCode, parts.objectiveCode ?? ""]
    .map((p) => p.replace(/[^A-Za-z0-9.]+/g, ""))
    .filter((p) => p !== "");
  return `${[...codes, formatDay(chinaToday(parts.now))].join("-")}.${parts.format}`;
}

// The header itself is shared with evidence downloads (lib/content-disposition.ts).
export { contentDisposition, rfc5987 } from "@/lib/content-disposition";

export { formatChinaDateTime } from "@/lib/dates";
