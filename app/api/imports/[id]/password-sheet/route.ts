import { takePasswordSheet } from "@/features/users/import/password-sheet";
import { contentDisposition } from "@/lib/content-disposition";
import { authorize } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { errorResponse, idParam } from "@/lib/http";

// GET /api/imports/<job id>/password-sheet — the 初始密码单 of a people import, for the importer
// only and only once (features/users/import/password-sheet.ts); audited (user.initialPasswords).
export async function GET(_req: Request, ctx: { params: Promise<{ id: string }> }) {
  try {
    const user = await authorize("user:manage");
    const jobId = idParam((await ctx.params).id);
    if (!jobId) throw new AppError("NOT_FOUND");
    const sheet = await takePasswordSheet(user, jobId);
    return new Response(new Uint8Array(sheet.body), {
      headers: {
        "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "Content-Disposition": contentDisposition(sheet.fileName, `initial-passwords-${jobId}.xlsx`),
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (e) {
    return errorResponse(e);
  }
}
