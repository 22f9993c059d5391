import { cookies } from "next/headers";
import { exportResponse } from "@/features/exports/server/export-response";
import { ZReportStatusQuery } from "@/features/reporting/lib/view-query";
import { createReportStatusExport } from "@/features/reporting/server/view-export-file";
import { recordAudit } from "@/lib/audit/record";
import { authorize } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http";
import { LOCALE_COOKIE, toLocale } from "@/lib/i18n/config";

// /api/reporting/export?org=<id>&rule=<id>&period=<id>: the 报送情况 of an org in the user's subtree
// as XLSX (defaults as on /reporting). An org, rule or period out of scope is not found (audited DENIED).
export async function GET(req: Request) {
  try {
    const user = await authorize("report:read");
    const parsed = ZReportStatusQuery.safeParse(Object.fromEntries(new URL(req.url).searchParams));
    if (!parsed.success) throw new AppError("VALIDATION");
    const q = parsed.data;
    const locale = toLocale((await cookies()).get(LOCALE_COOKIE)?.value);
    const orgId = q.org ?? user.orgId;
    const file = await createReportStatusExport(user, { orgId, rule: q.rule, period: q.period, locale });
    const audit = {
      action: "export.download" as const,
      actor: { id: user.id, username: user.username },
      target: { type: "org", id: orgId },
      detail: { kind: "reporting", orgId, rule: q.rule ?? null, period: q.period ?? null, format: "xlsx" },
    };
    if (!file) {
      await recordAudit({ ...audit, outcome: "DENIED" });
      throw new AppError("NOT_FOUND");
    }
    await recordAudit(audit).catch((e: unknown) => {
      file.body.destroy();
      throw e;
    });
    return exportResponse(file);
  } catch (e) {
    return errorResponse(e);
  }
}
