import { cookies } from "next/headers";
import { exportAudit } from "@/features/audit/server/export-audit";
import { ZAuditExport, auditQueryInput } from "@/features/audit/schemas";
import { exportResponse } from "@/features/exports/server/export-response";
import { authorize } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http";
import { LOCALE_COOKIE, toLocale } from "@/lib/i18n/config";

// GET /api/audit/export?format=csv|xlsx&from=&to=&action=&outcome=&actor=&target= — the audit page's
// filtered rows, for the 安全审计员 only; the export itself is recorded (audit.export).
export async function GET(req: Request) {
  try {
    const user = await authorize("audit:read");
    const parsed = ZAuditExport.safeParse(auditQueryInput(new URL(req.url).searchParams));
    if (!parsed.success)
      throw new AppError(
        "VALIDATION",
        Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0] ?? "query"), "invalid"])),
      );
    const { format, ...filter } = parsed.data;
    const locale = toLocale((await cookies()).get(LOCALE_COOKIE)?.value);
    return exportResponse(await exportAudit(user, { filter, format, locale }));
  } catch (e) {
    return errorResponse(e);
  }
}
