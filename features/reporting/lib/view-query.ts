import { z } from "zod";

const id = z.coerce.number().int().positive().max(2_147_483_647);

/** ?org=&rule=&period=&page= of the 报送情况 page and its export (unknown values are a 404, not a default). */
export const ZReportStatusQuery = z.object({
  org: id.optional(),
  rule: id.optional(),
  period: id.optional(),
  page: z.coerce.number().int().positive().max(100_000).optional(),
});
export type TReportStatusParams = z.infer<typeof ZReportStatusQuery>;

/** /reporting?org=…&rule=…&period=… (only the parameters given). */
export function reportingHref(q: TReportStatusParams): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v !== undefined) p.set(k, String(v));
  const s = p.toString();
  return s ? `/reporting?${s}` : "/reporting";
}

/** The XLSX export of the same view. */
export function reportingExportHref(q: Omit<TReportStatusParams, "page">): string {
  return reportingHref(q).replace("/reporting", "/api/reporting/export");
}
