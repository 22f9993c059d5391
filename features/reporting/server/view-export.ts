import "server-only";
import type { TBuiltExport } from "@/features/exports/server/built-export";
import { formatChinaDateTime } from "@/features/exports/lib/file-name";
import { inChunks, type TColumn, type TRow } from "@/features/exports/lib/sheet";
import type { TTranslate } from "@/features/exports/lib/translate";
import type { TReportMetrics } from "../lib/report-metrics";
import { isRateColumn, periodLabel, REPORT_COLUMNS, ruleLabel } from "../lib/report-labels";
import { getReportStatus, type TReportStatusQuery } from "./view-report-status";

const cells = (label: string, m: TReportMetrics): TRow => [label, ...REPORT_COLUMNS.map((c) => m[c])];

/**
 * The 报送情况 table of an org and period as a sheet: one row per child region, then 下级单位合计,
 * 本级 and 本地区 (as on the page). Null when the org, rule or period is out of scope; a sheet with
 * no rows when no rule or period exists yet.
 */
export async function buildReportStatusExport(
  user: { orgId: number },
  q: TReportStatusQuery,
  { t, now = new Date() }: { t: TTranslate; now?: Date },
): Promise<TBuiltExport | null> {
  const s = await getReportStatus(user, { ...q, page: 1 });
  if (!s) return null;
  const columns: TColumn[] = [
    { header: t("reportStatus.cols.region"), kind: "text", width: 30 },
    ...REPORT_COLUMNS.map((c): TColumn => ({
      header: t(`reportStatus.cols.${c}`),
      kind: isRateColumn(c) ? "percent" : "int",
      width: 10,
    })),
  ];
  const titleLines = [
    t("reportStatus.export.title", { org: s.org.name }),
    ...(s.rule
      ? [t("reportStatus.export.rule", { rule: ruleLabel(t, s.rule) })]
      : [t("reportStatus.empty.title")]),
    ...(s.kind === "period"
      ? [
          t("reportStatus.export.period", {
            period: periodLabel(t, s.period),
            status: t(`reportStatus.status.${s.period.status}`),
          }),
        ]
      : []),
    t("reportStatus.export.generated", { time: formatChinaDateTime(now) }),
  ];
  const body: TRow[] = s.kind === "period" ? s.children.map((c) => cells(c.name, c.metrics)) : [];
  const footer: TRow[] =
    s.kind === "period"
      ? [
          ...(s.children.length ? [cells(t("reportStatus.childTotal"), s.childTotal)] : []),
          ...(s.own ? [cells(t("reportStatus.own"), s.own)] : []),
          cells(t("reportStatus.region"), s.region),
        ]
      : [];
  return {
    label: t("reportStatus.export.file"),
    orgName: s.org.name,
    orgCode: s.org.code,
    objectiveCode: null,
    sheet: { name: t("reportStatus.export.sheet"), titleLines, columns, rows: inChunks(body), footer },
  };
}
