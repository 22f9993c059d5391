import "server-only";
import { asciiFileName, CONTENT_TYPES, exportFileName } from "@/features/exports/lib/file-name";
import type { TExportFile } from "@/features/exports/server/export-file";
import { exportStream } from "@/features/exports/server/stream-out";
import { exportTranslator } from "@/features/exports/server/translator";
import { writeXlsxBook } from "@/features/exports/server/write-xlsx";
import { getDb } from "@/lib/db/client";
import type { TLocale } from "@/lib/i18n/config";
import { resultSubject } from "../lib/subject";
import { resultSheets } from "../lib/result-sheets";
import type { TAssessActor } from "./access";
import { readResultOutput } from "./result-output";

/**
 * A published 考评 result as XLSX, streamed like features/exports (A4 print setup, CJK font, backpressure).
 * Access is checked before the first byte (NOT_FOUND for anyone who may not read the result).
 */
export async function createResultExport(
  actor: TAssessActor,
  q: { resultId: number; locale: TLocale; now?: Date },
): Promise<TExportFile & { view: "FULL" | "UNIT" }> {
  const now = q.now ?? new Date();
  const out = await readResultOutput(getDb(), actor, { resultId: q.resultId, withLines: true });
  const t = exportTranslator(q.locale);
  const body = exportStream();
  writeXlsxBook(resultSheets(out, t, now), body).catch((e: unknown) => {
    console.error("[exports] assessment result failed while streaming", e);
    body.destroy(new Error("export failed"));
  });
  // A unit's own sheet is named after the unit; the whole result after the federation.
  const who =
    out.view === "UNIT" && out.units[0]
      ? out.units[0]
      : { name: out.scheme.orgName, code: out.scheme.orgCode };
  return {
    view: out.view,
    fileName: exportFileName({
      label: t("assessmentOutputs.export.file", {
        year: out.scheme.year,
        scheme: resultSubject(out.scheme.title, out.scheme.year),
      }),
      orgName: who.name,
      now,
      format: "xlsx",
    }),
    asciiName: asciiFileName({
      kind: "assessment",
      orgCode: who.code,
      objectiveCode: String(q.resultId),
      now,
      format: "xlsx",
    }),
    contentType: CONTENT_TYPES.xlsx,
    body,
  };
}
