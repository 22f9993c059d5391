import "server-only";
import { asciiFileName, CONTENT_TYPES, exportFileName } from "@/features/exports/lib/file-name";
import type { TExportFile } from "@/features/exports/server/export-file";
import { exportStream } from "@/features/exports/server/stream-out";
import { exportTranslator } from "@/features/exports/server/translator";
import { writeXlsx } from "@/features/exports/server/write-xlsx";
import type { TLocale } from "@/lib/i18n/config";
import { buildReportStatusExport } from "./view-export";
import type { TReportStatusQuery } from "./view-report-status";

/**
 * The 报送情况 XLSX, streamed like features/exports (A4 print setup, CJK font): scope is checked
 * before the first byte; null = not found.
 */
export async function createReportStatusExport(
  user: { orgId: number },
  q: TReportStatusQuery & { locale: TLocale; now?: Date },
): Promise<TExportFile | null> {
  const now = q.now ?? new Date();
  const built = await buildReportStatusExport(user, q, { t: exportTranslator(q.locale), now });
  if (!built) return null;
  const body = exportStream();
  writeXlsx(built.sheet, body).catch((e: unknown) => {
    console.error("[exports] reporting failed while streaming", e);
    body.destroy(new Error("export failed"));
  });
  return {
    fileName: exportFileName({ label: built.label, orgName: built.orgName, now, format: "xlsx" }),
    asciiName: asciiFileName({ kind: "reporting", orgCode: built.orgCode, now, format: "xlsx" }),
    contentType: CONTENT_TYPES.xlsx,
    body,
  };
}
