import { cookies } from "next/headers";
import { findImportJob } from "@/features/imports/server/find-job";
import { errorReportWorkbook } from "@/features/imports/server/sheets";
import { writeWorkbook, xlsxResponse } from "@/features/imports/server/write-workbook";
import { authenticate } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { errorResponse, idParam } from "@/lib/http";
import { LOCALE_COOKIE, toLocale } from "@/lib/i18n/config";

// GET /api/imports/<id>/errors[?rows=all]: the uploaded rows in the template's columns plus 原行号 and
// 错误: by default only the rows with errors (fix them and upload the file again), all rows with ?rows=all.
export async function GET(req: Request, ctx: { params: Promise<{ id: string }> }) {
  try {
    const user = await authenticate();
    const id = idParam((await ctx.params).id);
    const job = id ? await findImportJob(user, id) : null;
    if (!job) throw new AppError("NOT_FOUND");
    const all = new URL(req.url).searchParams.get("rows") === "all";
    const locale = toLocale((await cookies()).get(LOCALE_COOKIE)?.value);
    const sheet = errorReportWorkbook(job, { all, locale });
    return xlsxResponse(`import-${job.id}-${all ? "rows" : "errors"}.xlsx`, (out) =>
      writeWorkbook(out, sheet),
    );
  } catch (e) {
    return errorResponse(e);
  }
}
