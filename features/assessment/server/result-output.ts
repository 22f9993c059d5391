import "server-only";
import type { TDb, TTx } from "@/lib/db/client";
import type { TSchemeRules, TGrade } from "../schemas";
import { gradeCounts } from "../lib/grade-counts";
import type { TLine } from "../lib/score";
import { findVisibleResult, type TAssessActor } from "./access";

// A published 考评 result as its outputs (the XLSX export, the printed 考评通报) read it: the scheme,
// the day, the 发文字号 and the frozen score sheets. Access through findVisibleResult: the federation
// (FULL) reads every unit, a scored unit (UNIT) only its own sheet; anyone else gets NOT_FOUND.

export type TResultUnit = {
  orgId: number;
  name: string;
  code: string;
  total: number;
  grade: TGrade;
  rank: number;
  vetoed: boolean;
  /** Empty unless asked for (`withLines`). */
  lines: TLine[];
};

export type TResultOutput = {
  resultId: number;
  view: "FULL" | "UNIT";
  asOf: Date;
  docNumber: string | null;
  publishedAt: Date;
  scheme: { title: string; year: number; orgName: string; orgCode: string; rules: TSchemeRules };
  /** Names of the indicators the rules count. */
  indicatorNames: Record<number, string>;
  /** By rank, then code: every unit (FULL) or the viewer's own (UNIT). */
  units: TResultUnit[];
  /** FULL only: units per grade. */
  gradeCounts: Record<TGrade, number> | null;
  /** `<orgId>:<line key>` → the decision note of the accepted objection that changed the line. */
  objectionNotes: Map<string, string>;
};

export async function readResultOutput(
  db: TDb | TTx,
  actor: TAssessActor,
  { resultId, withLines = false }: { resultId: number; withLines?: boolean },
): Promise<TResultOutput> {
  const { scheme, view } = await findVisibleResult(db, actor, resultId);
  const only = view === "UNIT" ? { orgId: actor.orgId } : {};
  const indicatorIds = scheme.rules.rules.flatMap((r) => (r.kind === "INDICATOR" ? [r.indicatorId] : []));
  const [result, meta, org, scores, indicators, objections] = await Promise.all([
    db.assessmentResult.findUniqueOrThrow({ where: { id: resultId } }),
    db.assessmentScheme.findUniqueOrThrow({ where: { id: scheme.id }, select: { title: true } }),
    db.org.findUniqueOrThrow({ where: { id: scheme.orgId }, select: { name: true, code: true } }),
    db.assessmentScore.findMany({
      where: { resultId, ...only },
      select: { orgId: true, total: true, grade: true, rank: true, vetoed: true, lines: withLines },
    }),
    indicatorIds.length
      ? db.indicator.findMany({ where: { id: { in: indicatorIds } }, select: { id: true, name: true } })
      : [],
    withLines
      ? db.assessmentObjection.findMany({
          where: { resultId, status: "ACCEPTED", ...only },
          orderBy: { decidedAt: "asc" },
          select: { orgId: true, lineKey: true, decisionNote: true },
        })
      : [],
  ]);
  const orgs = await db.org.findMany({
    where: { id: { in: scores.map((s) => s.orgId) } },
    select: { id: true, name: true, code: true },
  });
  const orgOf = new Map(orgs.map((o) => [o.id, o]));
  const units = scores
    .map((s) => ({
      orgId: s.orgId,
      name: orgOf.get(s.orgId)?.name ?? "",
      code: orgOf.get(s.orgId)?.code ?? "",
      total: Number(s.total),
      grade: s.grade as TGrade,
      rank: s.rank,
      vetoed: s.vetoed,
      lines: ((s as { lines?: unknown }).lines ?? []) as TLine[],
    }))
    .sort((a, b) => a.rank - b.rank || a.code.localeCompare(b.code));
  return {
    resultId,
    view,
    asOf: result.asOf,
    docNumber: result.docNumber,
    publishedAt: result.publishedAt,
    scheme: {
      title: meta.title,
      year: scheme.year,
      orgName: org.name,
      orgCode: org.code,
      rules: scheme.rules,
    },
    indicatorNames: Object.fromEntries(indicators.map((i) => [i.id, i.name])),
    units,
    gradeCounts: view === "FULL" ? gradeCounts(units) : null,
    // The latest decision wins (ordered by decidedAt).
    objectionNotes: new Map(objections.map((o) => [`${o.orgId}:${o.lineKey}`, o.decisionNote ?? ""])),
  };
}
