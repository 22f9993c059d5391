import "server-only";
import { recordAudit } from "@/lib/audit/record";
import { getDb, type TTx } from "@/lib/db/client";
import { chinaToday } from "@/lib/dates";
import { AppError } from "@/lib/errors";
import { isVetoed, rank, sheetOf, type TLine } from "../lib/score";
import type { TDecideObjection, TRaiseObjection } from "../schemas";
import { requireAssessment } from "./access";
import { loadScheme } from "./compute";
import { auditActor, type TSchemeActor } from "./schemes";

// 申诉 on a published result. A scored unit's `assessment:manage` holders object to one line of
// their OWN sheet (the score row of the actor's org, locked) until the deadline, one PENDING
// objection per line. The scheme's org decides (its org in the query, the result locked): REJECT
// with a note, or ACCEPT with the line's new points — the line keeps `original`, and total, grade
// (lib/score.ts#sheetOf) and the ranks of every unit of the result (rank) are derived again.
// Accepting an objection to a VETO line (points 0: a veto carries none) lifts the veto: the line is
// kept, marked `lifted`, and no longer caps the grade. Decided objections stay as the sheet's history.

async function auditObjection(
  tx: TTx,
  { actor, id, detail }: { actor: TSchemeActor; id: number; detail: Record<string, unknown> },
) {
  await recordAudit(
    {
      action: "assessment.objection",
      actor: auditActor(actor),
      target: { type: "assessmentObjection", id },
      detail,
    },
    tx,
  );
}

export async function raiseObjection(
  actor: TSchemeActor,
  input: TRaiseObjection,
  now = new Date(),
): Promise<{ objectionId: number }> {
  requireAssessment(actor);
  return getDb().$transaction(async (tx) => {
    const [score] = await tx.$queryRaw<{ lines: TLine[]; deadline: Date }[]>`
      SELECT sc.lines, r."objectionDeadline" AS deadline
      FROM "AssessmentScore" sc JOIN "AssessmentResult" r ON r.id = sc."resultId"
      WHERE sc."resultId" = ${input.resultId} AND sc."orgId" = ${actor.orgId}
      FOR UPDATE OF sc`;
    if (!score) throw new AppError("NOT_FOUND");
    if (score.deadline < chinaToday(now)) throw new AppError("OBJECTION_CLOSED");
    if (!score.lines.some((l) => l.key === input.lineKey))
      throw new AppError("VALIDATION", { lineKey: "invalid" });
    const pending = await tx.assessmentObjection.count({
      where: { resultId: input.resultId, orgId: actor.orgId, lineKey: input.lineKey, status: "PENDING" },
    });
    if (pending) throw new AppError("ALREADY_EXISTS");
    const o = await tx.assessmentObjection.create({
      data: {
        resultId: input.resultId,
        orgId: actor.orgId,
        lineKey: input.lineKey,
        reason: input.reason,
        createdById: actor.id,
        createdAt: now,
      },
      select: { id: true },
    });
    await auditObjection(tx, {
      actor,
      id: o.id,
      detail: { op: "raise", resultId: input.resultId, lineKey: input.lineKey },
    });
    return { objectionId: o.id };
  });
}

type TScoreRow = {
  orgId: number;
  total: number;
  rank: number;
  grade: string;
  vetoed: boolean;
  lines: TLine[];
};

export async function decideObjection(
  actor: TSchemeActor,
  input: TDecideObjection,
  now = new Date(),
): Promise<{ objectionId: number; resultId: number }> {
  requireAssessment(actor);
  return getDb().$transaction(async (tx) => {
    // The result row first (every decision on one result takes turns), then the objection.
    const [o] = await tx.$queryRaw<
      { id: number; resultId: number; orgId: number; lineKey: string; status: string; schemeId: number }[]
    >`
      SELECT o.id, o."resultId", o."orgId", o."lineKey", o.status::text AS status, r."schemeId"
      FROM "AssessmentObjection" o JOIN "AssessmentResult" r ON r.id = o."resultId"
      JOIN "AssessmentScheme" s ON s.id = r."schemeId"
      WHERE o.id = ${input.objectionId} AND s."orgId" = ${actor.orgId}
      FOR UPDATE OF r, o`;
    if (!o) throw new AppError("NOT_FOUND");
    if (o.status !== "PENDING") throw new AppError("ASSESSMENT_STALE");
    if (input.decision === "ACCEPT") await applyAccepted(tx, o, input.points);
    await tx.assessmentObjection.update({
      where: { id: o.id },
      data: {
        status: input.decision === "ACCEPT" ? "ACCEPTED" : "REJECTED",
        acceptedPoints: input.decision === "ACCEPT" ? input.points : null,
        decisionNote: input.note || null,
        decidedById: actor.id,
        decidedAt: now,
      },
    });
    await auditObjection(tx, {
      actor,
      id: o.id,
      detail: {
        op: input.decision === "ACCEPT" ? "accept" : "reject",
        resultId: o.resultId,
        orgId: o.orgId,
        lineKey: o.lineKey,
        ...(input.decision === "ACCEPT" ? { points: input.points } : {}),
      },
    });
    return { objectionId: o.id, resultId: o.resultId };
  });
}

/** The line's new points, then every unit's total, grade and rank of the result derived again. */
async function applyAccepted(
  tx: TTx,
  o: { resultId: number; orgId: number; lineKey: string; schemeId: number },
  points: number,
) {
  const scheme = await loadScheme(tx, o.schemeId);
  if (!scheme) throw new AppError("NOT_FOUND");
  const rows = await tx.$queryRaw<TScoreRow[]>`
    SELECT "orgId", total::float8 AS total, rank, grade, vetoed, lines
    FROM "AssessmentScore" WHERE "resultId" = ${o.resultId} FOR UPDATE`;
  const sheets = rows.map((r) => {
    if (r.orgId !== o.orgId) return { ...r, changed: false };
    const lines = r.lines.map((l) => ({ ...l }));
    const line = lines.find((l) => l.key === o.lineKey);
    if (!line) throw new AppError("VALIDATION", { points: "invalid" });
    if (line.kind === "VETO") {
      // A veto line carries no points: accepting its objection lifts the veto itself.
      if (points !== 0) throw new AppError("VALIDATION", { points: "vetoPoints" });
      line.lifted = true;
    } else {
      line.original ??= line.points;
      line.points = points;
      if (line.original === line.points) delete line.original;
    }
    const s = sheetOf(scheme.rules, lines, isVetoed(lines));
    return { ...r, total: s.total, grade: s.grade, vetoed: s.vetoed, lines, changed: true };
  });
  for (const r of rank(sheets)) {
    const before = rows.find((x) => x.orgId === r.orgId)!;
    if (!r.changed && before.rank === r.rank) continue;
    await tx.assessmentScore.update({
      where: { resultId_orgId: { resultId: o.resultId, orgId: r.orgId } },
      data: { total: r.total, grade: r.grade, rank: r.rank, vetoed: r.vetoed, lines: r.lines },
    });
  }
}
