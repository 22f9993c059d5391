import "server-only";
import { recordAudit } from "@/lib/audit/record";
import { getDb } from "@/lib/db/client";
import { chinaToday, formatDay, parseDay } from "@/lib/dates";
import { AppError } from "@/lib/errors";
import type { TPublishResult } from "../schemas";
import { loadPublishedVersion, requireAssessment } from "./access";
import { computeScores } from "./compute";
import { explainUnits } from "./explain";
import { auditActor, type TSchemeActor } from "./schemes";

// Publishing a 考评 result: the scheme's PUBLISHED version scored as of a day (computeScores), frozen
// as one AssessmentScore row per unit (total, grade, rank, veto, the lines exactly as lib/score.ts
// made them, and the records behind each line with their codes and titles). Later changes of the record or of the items leave it as it is; only an
// accepted objection changes a frozen line (objections.ts). A scheme may publish several results.

export async function publishResult(
  actor: TSchemeActor,
  input: TPublishResult,
  now = new Date(),
): Promise<{ resultId: number; units: number }> {
  requireAssessment(actor);
  const today = chinaToday(now);
  const asOf = input.asOf ? parseDay(input.asOf) : today;
  const deadline = parseDay(input.objectionDeadline);
  const errors: Record<string, string> = {};
  if (asOf > today) errors.asOf = "asOfFuture";
  if (deadline < today) errors.objectionDeadline = "deadlinePast";
  if (Object.keys(errors).length) throw new AppError("VALIDATION", errors);
  return getDb().$transaction(async (tx) => {
    const scheme = await loadPublishedVersion(tx, actor, input.schemeId);
    const scores = await computeScores(tx, scheme, asOf);
    const refs = await explainUnits(tx, scheme, { units: scores.map((s) => s.id), asOf });
    const result = await tx.assessmentResult.create({
      data: {
        schemeId: scheme.id,
        asOf,
        docNumber: input.docNumber || null,
        objectionDeadline: deadline,
        publishedById: actor.id,
        publishedAt: now,
      },
      select: { id: true },
    });
    await tx.assessmentScore.createMany({
      data: scores.map((s) => ({
        resultId: result.id,
        orgId: s.id,
        total: s.total,
        grade: s.grade,
        rank: s.rank,
        vetoed: s.vetoed,
        lines: s.lines,
        refs: refs.get(s.id) ?? {},
      })),
    });
    await recordAudit(
      {
        action: "assessment.result",
        actor: auditActor(actor),
        target: { type: "assessmentResult", id: result.id },
        detail: {
          op: "publish",
          schemeId: scheme.id,
          asOf: formatDay(asOf),
          deadline: input.objectionDeadline,
          units: scores.length,
        },
      },
      tx,
    );
    return { resultId: result.id, units: scores.length };
  });
}
