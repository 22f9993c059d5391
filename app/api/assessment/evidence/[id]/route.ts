import { findEvidenceForUser } from "@/features/assessment/server/evidence";
import { openEvidenceDownload } from "@/features/evidence/server/file-response";
import { recordAudit } from "@/lib/audit/record";
import { authorize } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { errorResponse, idParam } from "@/lib/http";

// GET /api/assessment/evidence/<id>: a 考评 item's evidence file (streamed, or a redirect to a
// presigned URL: file-response.ts), for the scheme's readers (its org and the orgs above), the
// unit the item is on, and (unlinked) the uploader's org
// (features/assessment/server/evidence.ts#findEvidenceForUser). Anyone else: 404, audited DENIED.
// Every download is audited (evidence.download); headers as for task evidence.
export async function GET(_req: Request, ctx: { params: Promise<{ id: string }> }) {
  try {
    const user = await authorize("assessment:manage");
    const id = idParam((await ctx.params).id);
    if (!id) throw new AppError("NOT_FOUND");
    const audit = {
      action: "evidence.download" as const,
      actor: { id: user.id, username: user.username },
      target: { type: "assessmentEvidence", id },
    };
    const row = await findEvidenceForUser(getDb(), user, id);
    if (!row) {
      await recordAudit({ ...audit, outcome: "DENIED" });
      throw new AppError("NOT_FOUND");
    }
    return await openEvidenceDownload({ ...row, fallbackBase: `evidence-${row.id}` }, () =>
      recordAudit({ ...audit, detail: { seriesId: row.seriesId, itemId: row.itemId, kind: row.kind } }),
    );
  } catch (e) {
    return errorResponse(e);
  }
}
