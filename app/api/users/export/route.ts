import { exportResponse } from "@/features/exports/server/export-response";
import { exportPeople } from "@/features/users/server/export-people";
import { recordAudit } from "@/lib/audit/record";
import { authorize } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { errorResponse, idParam } from "@/lib/http";

// GET /api/users/export?org=<id> — the people of an org's subtree (default: the caller's org) whom
// the caller manages, in the people import template's format (XLSX). Audited (export.download).
export async function GET(req: Request) {
  try {
    const user = await authorize("user:manage");
    const raw = new URL(req.url).searchParams.get("org");
    const orgId = raw === null ? user.orgId : idParam(raw);
    if (!orgId) throw new AppError("VALIDATION", { org: "invalid" });
    const file = await exportPeople(user, orgId);
    const audit = {
      action: "export.download" as const,
      actor: { id: user.id, username: user.username },
      target: { type: "org", id: orgId },
      detail: { kind: "people", orgId, format: "xlsx" },
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
