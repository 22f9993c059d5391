import "server-only";
import { evidenceByItem } from "./evidence";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { findReadableScheme, type TAssessActor } from "./access";
import { computeScores, seriesOf } from "./compute";
import { explainLines, readIndicatorNames, type TLineRef } from "./explain";

// The LIVE scores of a scheme (from the record on any day): the ranking and one unit's sheet with
// the records behind every line and the unit's manual items (withdrawn ones as history). Read by
// the scheme's org and the orgs above it (findReadableScheme); `runs`: the actor's org runs it.

export type TSchemeHead = {
  id: number;
  title: string;
  year: number;
  version: number;
  status: "DRAFT" | "PUBLISHED" | "SUPERSEDED";
  orgName: string;
};

async function head(schemeId: number, orgId: number): Promise<TSchemeHead> {
  const db = getDb();
  const [s, org] = await Promise.all([
    db.assessmentScheme.findUniqueOrThrow({
      where: { id: schemeId },
      select: { id: true, title: true, year: true, version: true, status: true },
    }),
    db.org.findUniqueOrThrow({ where: { id: orgId }, select: { name: true } }),
  ]);
  return { ...s, orgName: org.name };
}

export async function readLiveRanking(actor: TAssessActor, schemeId: number, asOf: Date) {
  const db = getDb();
  const { scheme, runs } = await findReadableScheme(db, actor, schemeId);
  const [rows, h] = await Promise.all([computeScores(db, scheme, asOf), head(scheme.id, scheme.orgId)]);
  return {
    scheme: h,
    rules: scheme.rules,
    runs,
    rows: rows.map(({ lines: _lines, ...r }) => r),
  };
}

export type TItemRow = {
  id: number;
  kind: "BONUS" | "DEDUCTION" | "VETO";
  points: number;
  reason: string;
  day: Date;
  withdrawnAt: Date | null;
};

export async function readLiveSheet(
  actor: TAssessActor,
  { schemeId, orgId, asOf }: { schemeId: number; orgId: number; asOf: Date },
) {
  const db = getDb();
  const { scheme, runs } = await findReadableScheme(db, actor, schemeId);
  const all = await computeScores(db, scheme, asOf);
  const unit = all.find((u) => u.id === orgId);
  if (!unit) throw new AppError("NOT_FOUND");
  const [refs, items, h, indicatorNames] = await Promise.all([
    explainLines(db, scheme, { orgId, asOf }),
    db.assessmentItem.findMany({
      where: { seriesId: seriesOf(scheme), orgId },
      orderBy: { id: "desc" },
      select: { id: true, kind: true, points: true, reason: true, day: true, withdrawnAt: true },
    }),
    head(scheme.id, scheme.orgId),
    readIndicatorNames(db, scheme.rules),
  ]);
  return {
    scheme: h,
    rules: scheme.rules,
    indicatorNames,
    seriesId: seriesOf(scheme),
    runs,
    unit,
    units: all.length,
    refs: refs as Record<string, TLineRef[]>,
    items: items.map((i): TItemRow => ({ ...i, points: Number(i.points) })),
    // The viewers of this sheet read its evidence too (evidence.ts#findEvidenceForUser).
    evidence: await evidenceByItem(
      db,
      items.map((i) => i.id),
    ),
  };
}

/** The published results of a scheme's series (its org and the orgs above read them), newest first. */
export async function listSchemeResults(actor: TAssessActor, schemeId: number) {
  const db = getDb();
  const { scheme } = await findReadableScheme(db, actor, schemeId);
  const series = seriesOf(scheme);
  return db.assessmentResult.findMany({
    where: {
      schemeId: {
        in: (
          await db.assessmentScheme.findMany({
            where: { OR: [{ id: series }, { seriesId: series }] },
            select: { id: true },
          })
        ).map((s) => s.id),
      },
    },
    orderBy: { id: "desc" },
    select: { id: true, asOf: true, docNumber: true, objectionDeadline: true, publishedAt: true },
  });
}
