import { cookies } from "next/headers";
import { createExport } from "@/features/exports/server/export-file";
import { exportErrorResponse, exportResponse, parseExportQuery } from "@/features/exports/server/export-response";
import { authorize } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { LOCALE_COOKIE, toLocale } from "@/lib/i18n/config";

// 台账 of every task in the org's subtree as XLSX or CSV: ?org=<id>&objective=<code>&format=xlsx|csv.
export async function GET(req: Request) {
  try {
    const user = await authorize("report:read");
    const q = parseExportQuery(new URL(req.url).searchParams);
    const locale = toLocale((await cookies()).get(LOCALE_COOKIE)?.value);
    const file = await createExport("ledger", user, { ...q, orgId: q.org ?? user.orgId }, locale);
    if (!file) throw new AppError("NOT_FOUND");
    return exportResponse(file);
  } catch (e) {
    return exportErrorResponse(e);
  }
}
