import "server-only";
import { exportStream } from "@/features/exports/server/stream-out";
import { exportTranslator } from "@/features/exports/server/translator";
import { writeCsv } from "@/features/exports/server/write-csv";
import { writeXlsx } from "@/features/exports/server/write-xlsx";
import { CONTENT_TYPES, type TExportFormat } from "@/features/exports/lib/file-name";
import type { TRow, TSheet } from "@/features/exports/lib/sheet";
import { recordAudit } from "@/lib/audit/record";
import { chinaToday, formatDay } from "@/lib/dates";
import { getDb } from "@/lib/db/client";
import type { TLocale } from "@/lib/i18n/config";
import { formatChinaSeconds } from "@/lib/dates";
import type { TAuditFilter } from "../schemas";
import { auditWhere } from "./audit-where";
import { AUDIT_SELECT, type TAuditRow } from "./list-audit";

export const AUDIT_EXPORT_CHUNK = 2000;

/** The filtered rows, newest first, in keyset-paged chunks. */
async function* auditChunks(f: TAuditFilter, t: (k: string) => string): AsyncGenerator<TRow[]> {
  let before: bigint | null = null;
  for (;;) {
    const rows: TAuditRow[] = await getDb().auditEvent.findMany({
      where: {
        AND: [auditWhere({ ...f, cursor: undefined }), before === null ? {} : { id: { lt: before } }],
      },
      orderBy: { id: "desc" },
      take: AUDIT_EXPORT_CHUNK,
      select: AUDIT_SELECT,
    });
    if (!rows.length) return;
    yield rows.map((r) => [
      r.id.toString(),
      formatChinaSeconds(r.at),
      r.action,
      t(`audit.outcomes.${r.outcome}`),
      r.actorName,
      r.ip,
      r.targetType ? `${r.targetType}:${r.targetId ?? ""}` : null,
      r.detail === null ? null : JSON.stringify(r.detail),
      r.userAgent,
    ]);
    if (rows.length < AUDIT_EXPORT_CHUNK) return;
    before = rows.at(-1)!.id;
  }
}

/**
 * Records the export (audit.export, with its filter) and starts streaming the filtered trail as
 * CSV or XLSX through the exports' writers.
 */
export async function exportAudit(
  actor: { id: number; username: string },
  q: { filter: TAuditFilter; format: TExportFormat; locale: TLocale; now?: Date },
) {
  const now = q.now ?? new Date();
  const { cursor: _cursor, ...filter } = q.filter;
  await recordAudit({ action: "audit.export", actor, detail: { filter, format: q.format } });
  const tr = exportTranslator(q.locale);
  const t = (k: string) => tr(k);
  const headers = ["id", "at", "action", "outcome", "actor", "ip", "target", "detail", "userAgent"] as const;
  const widths = [10, 20, 18, 8, 16, 16, 18, 40, 30];
  const sheet: TSheet = {
    name: t("audit.title"),
    titleLines: [],
    columns: headers.map((h, i) => ({ header: t(`audit.columns.${h}`), kind: "text", width: widths[i]! })),
    rows: auditChunks(filter, t),
  };
  const body = exportStream();
  (q.format === "xlsx" ? writeXlsx : writeCsv)(sheet, body).catch((e: unknown) => {
    console.error("[audit] export failed while streaming", e);
    body.destroy(new Error("export failed"));
  });
  const day = formatDay(chinaToday(now));
  return {
    fileName: `${t("audit.fileName")}-${day}.${q.format}`,
    asciiName: `audit-${day}.${q.format}`,
    contentType: CONTENT_TYPES[q.format],
    body,
  };
}
