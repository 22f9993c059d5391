import { cookies } from "next/headers";
import { createExport, type TExportKind } from "@/features/exports/server/export-file";
import { getCurrentPlan } from "@/features/plans/server/current-plan";
import { exportResponse, parseExportQuery } from "@/features/exports/server/export-response";
import { recordAudit } from "@/lib/audit/record";
import { authorize } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http";
import { LOCALE_COOKIE, toLocale } from "@/lib/i18n/config";
import { planPrefixOf } from "@/lib/objective-code";

const KINDS: readonly TExportKind[] = ["completion", "ledger"];

// /api/exports/completion (完成情况 of an org) and /api/exports/ledger (台账 of every task in its subtree),
// as XLSX or CSV: ?org=<id>&plan=<prefix>&objective=<code>&format=xlsx|csv. Only orgs in the user's
// subtree, only plans the user sees (the current plan when none is named).
// Every export is audited (export.download) with its scope; one refused for scope as DENIED.
export async function GET(req: Request, ctx: { params: Promise<{ kind: string }> }) {
  try {
    const kind = (await ctx.params).kind as TExportKind;
    if (!KINDS.includes(kind)) throw new AppError("NOT_FOUND");
    const user = await authorize("report:read");
    const q = parseExportQuery(new URL(req.url).searchParams);
    const locale = toLocale((await cookies()).get(LOCALE_COOKIE)?.value);
    const orgId = q.org ?? user.orgId;
    // The current plan (a named plan or objective first); a plan named but not visible is not found.
    const asked = q.plan ?? (q.objective ? planPrefixOf(q.objective) : undefined);
    const { current } = await getCurrentPlan(user, asked);
    const plan = current && (!asked || current.codePrefix === asked) ? current : null;
    const file = asked && !plan ? null : await createExport(user, { ...q, kind, orgId, locale, plan });
    const audit = {
      action: "export.download" as const,
      actor: { id: user.id, username: user.username },
      target: { type: "org", id: orgId },
      detail: {
        kind,
        orgId,
        plan: plan?.codePrefix ?? null,
        objective: q.objective ?? null,
        ...(q.indicator ? { indicator: q.indicator } : {}),
        format: q.format,
      },
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
