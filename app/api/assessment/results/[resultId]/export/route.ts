import { cookies } from "next/headers";
import { createResultExport } from "@/features/assessment/server/result-export";
import { exportResponse } from "@/features/exports/server/export-response";
import { recordAudit } from "@/lib/audit/record";
import { authorize } from "@/lib/auth/session";
import { AppError, isAppError } from "@/lib/errors";
import { errorResponse, idParam } from "@/lib/http";
import { LOCALE_COOKIE, toLocale } from "@/lib/i18n/config";

// /api/assessment/results/<id>/export: a published 考评 result as XLSX — the ranking and every unit's
// lines for the federation, the unit's own lines for a scored unit (features/assessment/server/
// result-export.ts). Anyone else: 404 (audited DENIED). Every download is audited (export.download).
export async function GET(_req: Request, ctx: { params: Promise<{ resultId: string }> }) {
  try {
    const user = await authorize("assessment:manage");
    const resultId = idParam((await ctx.params).resultId);
    if (resultId === null) throw new AppError("NOT_FOUND");
    const locale = toLocale((await cookies()).get(LOCALE_COOKIE)?.value);
    const audit = {
      action: "export.download" as const,
      actor: { id: user.id, username: user.username },
      target: { type: "assessmentResult", id: resultId },
    };
    const file = await createResultExport(user, { resultId, locale }).catch(async (e: unknown) => {
      if (isAppError(e) && e.code === "NOT_FOUND")
        await recordAudit({ ...audit, outcome: "DENIED", detail: { kind: "assessment", resultId } });
      throw e;
    });
    await recordAudit({
      ...audit,
      detail: { kind: "assessment", resultId, view: file.view, format: "xlsx" },
    }).catch((e: unknown) => {
      file.body.destroy();
      throw e;
    });
    return exportResponse(file);
  } catch (e) {
    return errorResponse(e);
  }
}
