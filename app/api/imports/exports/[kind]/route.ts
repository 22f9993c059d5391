import { importExporter, importPermission, isImportKind } from "@/features/imports/server/kinds";
import { importTranslator } from "@/features/imports/server/sheets";
import { writeWorkbook, xlsxResponse } from "@/features/imports/server/write-workbook";
import { getImportSpec } from "@/features/imports/server/kinds";
import { recordAudit } from "@/lib/audit/record";
import { orgScopeWhere } from "@/lib/auth/scope";
import { authorize } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http";
import { parseId } from "@/lib/input";

// GET /api/imports/exports/ORGS?org=<id>: what the system holds under an org of the caller's subtree,
// in the template's layout (uploading it again finds every row unchanged). Audited as export.download.
export async function GET(req: Request, ctx: { params: Promise<{ kind: string }> }) {
  try {
    const kind = (await ctx.params).kind;
    const exporter = isImportKind(kind) ? importExporter(kind) : null;
    if (!isImportKind(kind) || !exporter) throw new AppError("NOT_FOUND");
    const user = await authorize(importPermission(kind));
    const raw = new URL(req.url).searchParams.get("org");
    const orgId = raw === null ? user.orgId : parseId(raw);
    const org = orgId
      ? await getDb().org.findFirst({
          where: { id: orgId, ...orgScopeWhere(user) },
          select: { id: true, code: true },
        })
      : null;
    const audit = {
      action: "export.download" as const,
      actor: { id: user.id, username: user.username },
      target: { type: "org", id: orgId ?? raw ?? "" },
      detail: { kind: `import-${kind}`, orgId },
    };
    if (!org) {
      await recordAudit({ ...audit, outcome: "DENIED" });
      throw new AppError("NOT_FOUND");
    }
    await recordAudit(audit);
    const t = importTranslator("zh-CN");
    const headers = getImportSpec(kind).columns.map((c) => c.header);
    return xlsxResponse(`${kind.toLowerCase()}-${org.code}.xlsx`, (out) =>
      writeWorkbook(out, { sheetName: t(`kinds.${kind}`), headers, rows: exporter(org.id) }),
    );
  } catch (e) {
    return errorResponse(e);
  }
}
