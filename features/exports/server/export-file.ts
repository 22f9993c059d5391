import "server-only";
import type { Readable } from "node:stream";
import type { TLocale } from "@/lib/i18n/config";
import { asciiFileName, CONTENT_TYPES, exportFileName, type TExportFormat } from "../lib/file-name";
import type { TBuiltExport } from "./built-export";
import { buildCompletionExport } from "./completion-rows";
import { buildLedgerExport } from "./ledger-rows";
import { exportStream } from "./stream-out";
import { exportTranslator } from "./translator";
import { writeCsv } from "./write-csv";
import { writeXlsx } from "./write-xlsx";

export type TExportKind = "completion" | "ledger";

/** The plan exported: its code prefix goes into the file name, its title into the sheet. */
export type TExportPlan = { codePrefix: string; title: string };

export type TExportFile = { fileName: string; asciiName: string; contentType: string; body: Readable };

const BUILDERS = { completion: buildCompletionExport, ledger: buildLedgerExport } as const;

/**
 * Checks scope and objective, then starts writing the file into a stream that is returned
 * at once; rows are read and written while the client downloads. Null = not found (the org
 * is outside the user's subtree, or does not exist, or the objective code is unknown).
 * A failure after the first byte cannot become an error status any more: it is logged and
 * the stream is destroyed, so the download fails instead of ending in a truncated file.
 */
export async function createExport(
  user: { orgId: number },
  q: {
    kind: TExportKind;
    orgId: number;
    objective?: string;
    plan?: TExportPlan | null;
    /** Completion only: this indicator's columns too (not found when outside the scope). */
    indicator?: number;
    format: TExportFormat;
    locale: TLocale;
    now?: Date;
    /** XLSX rows per worksheet (write-xlsx.ts; Excel's limit unless a test sets a small one). */
    rowsPerSheet?: number;
  },
): Promise<TExportFile | null> {
  const { kind, now = new Date() } = q;
  const t = exportTranslator(q.locale);
  const built: TBuiltExport | null = await BUILDERS[kind](user, q, { t, now });
  if (!built) return null;
  const body = exportStream();
  const written =
    q.format === "xlsx"
      ? writeXlsx(built.sheet, body, { rowsPerSheet: q.rowsPerSheet })
      : writeCsv(built.sheet, body);
  written.catch((e: unknown) => {
    console.error(`[exports] ${kind} failed while streaming`, e);
    body.destroy(new Error("export failed"));
  });
  return {
    fileName: exportFileName({
      label: built.label,
      orgName: built.orgName,
      objectiveCode: built.objectiveCode,
      now,
      format: q.format,
    }),
    asciiName: asciiFileName({
      kind,
      orgCode: built.orgCode,
      objectiveCode: built.objectiveCode,
      now,
      format: q.format,
    }),
    contentType: CONTENT_TYPES[q.format],
    body,
  };
}
