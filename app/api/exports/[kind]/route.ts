import { cookies } from "next/headers";
import { createExport, type TExportKind } from "@/features/exports/server/export-file";
import { exportResponse, parseExportQuery } from "@/features/exports/server/export-response";
import { authorize } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http";
import { LOCALE_COOKIE, toLocale } from "@/lib/i18n/config";

const KINDS: readonly TExportKind[] = ["completion", "ledger"];

// /api/exports/completion (完成情况 of an org) and /api/exports/ledger (台账 of every task in its subtree),
// as XLSX or CSV: ?org=<id>&objective=<code>&format=xlsx|csv. Only orgs in the user's subtree.
export async function GET(req: Request, ctx: { params: Promise<{ kind: string }> }) {
  try {
    const kind = (await ctx.params).kind as TExportKind;
    if (!KINDS.includes(kind)) throw new AppError("NOT_FOUND");
    const user = await authorize("report:read");
    const q = parseExportQuery(new URL(req.url).searchParams);
    const locale = toLocale((await cookies()).get(LOCALE_COOKIE)?.value);
    const file = await createExport(user, { ...q, kind, orgId: q.org ?? user.orgId, locale });
    if (!file) throw new AppError("NOT_FOUND");
    return exportResponse(file);
  } catch (e) {
    return errorResponse(e);
  }
}
