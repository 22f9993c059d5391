import { cookies } from "next/headers";
import { importPermission, isImportKind } from "@/features/imports/server/kinds";
import { templateWorkbook } from "@/features/imports/server/sheets";
import { writeWorkbook, xlsxResponse } from "@/features/imports/server/write-workbook";
import { authorize } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http";
import { LOCALE_COOKIE, toLocale } from "@/lib/i18n/config";

// GET /api/imports/templates/ORGS: the kind's XLSX template (Chinese headers, an example row, 说明).
export async function GET(_req: Request, ctx: { params: Promise<{ kind: string }> }) {
  try {
    const kind = (await ctx.params).kind;
    if (!isImportKind(kind)) throw new AppError("NOT_FOUND");
    await authorize(importPermission(kind));
    const sheet = templateWorkbook(kind, toLocale((await cookies()).get(LOCALE_COOKIE)?.value));
    return xlsxResponse(`template-${kind.toLowerCase()}.xlsx`, (out) => writeWorkbook(out, sheet));
  } catch (e) {
    return errorResponse(e);
  }
}
