import "server-only";
import { evidenceByItem, type TEvidenceView } from "./evidence";
import type { TDb, TTx } from "@/lib/db/client";
import { getDb } from "@/lib/db/client";
import { chinaToday } from "@/lib/dates";
import { AppError } from "@/lib/errors";
import type { TGrade, TSchemeRules } from "../schemas";
import type { TLine } from "../lib/score";
import { findVisibleResult, type TAssessActor } from "./access";
import { explainLines, readIndicatorNames, type TLineRef } from "./explain";

// The one reading of a PUBLISHED result (the pages, the 考评通报 print and the XLSX export reuse it):
// its head, the frozen ranking (FULL view: the scheme's org and the orgs above), one unit's frozen
// sheet with its objections (FULL, or UNIT: the scored unit's own sheet only), pending objections.
// Access: findVisibleResult (in the query); anything else is NOT_FOUND.

export type TResultHead = {
  id: number;
  schemeId: number;
  schemeOrgId: number;
  title: string;
  year: number;
  version: number;
  orgName: string;
  asOf: Date;
  docNumber: string | null;
  objectionDeadline: Date;
  publishedAt: Date;
  rules: TSchemeRules;
  /** The actor's org ran the scheme (publishes, decides objections). */
  runs: boolean;
  view: "FULL" | "UNIT";
};

export type TRankRow = {
  orgId: number;
  name: string;
  code: string;
  total: number;
  grade: TGrade;
  rank: number;
  vetoed: boolean;
  pending: number;
};

export type TObjectionRow = {
  id: number;
  orgId: number;
  orgName: string;
  lineKey: string;
  reason: string;
  status: "PENDING" | "ACCEPTED" | "REJECTED";
  acceptedPoints: number | null;
  decisionNote: string | null;
  createdAt: Date;
  decidedAt: Date | null;
};

type TReadDb = TDb | TTx;

async function readHead(db: TReadDb, actor: TAssessActor, resultId: number) {
  const access = await findVisibleResult(db, actor, resultId);
  const [r] = await db.$queryRaw<Omit<TResultHead, "rules" | "runs" | "view">[]>`
    SELECT r.id, r."schemeId", s."orgId" AS "schemeOrgId", s.title, s.year, s.version, o.name AS "orgName",
      r."asOf", r."docNumber", r."objectionDeadline", r."publishedAt"
    FROM "AssessmentResult" r JOIN "AssessmentScheme" s ON s.id = r."schemeId" JOIN "Org" o ON o.id = s."orgId"
    WHERE r.id = ${resultId}`;
  if (!r) throw new AppError("NOT_FOUND");
  const head: TResultHead = {
    ...r,
    rules: access.scheme.rules,
    runs: access.scheme.orgId === actor.orgId,
    view: access.view,
  };
  return { head, scheme: access.scheme };
}

async function readObjections(db: TReadDb, resultId: number, where: { orgId?: number; pending?: boolean }) {
  const rows = await db.assessmentObjection.findMany({
    where: { resultId, orgId: where.orgId, ...(where.pending ? { status: "PENDING" as const } : {}) },
    orderBy: { id: "desc" },
  });
  const orgs = await db.org.findMany({
    where: { id: { in: [...new Set(rows.map((r) => r.orgId))] } },
    select: { id: true, name: true },
  });
  const name = new Map(orgs.map((o) => [o.id, o.name]));
  return rows.map((r): TObjectionRow => ({
    id: r.id,
    orgId: r.orgId,
    orgName: name.get(r.orgId) ?? "",
    lineKey: r.lineKey,
    reason: r.reason,
    status: r.status,
    acceptedPoints: r.acceptedPoints === null ? null : Number(r.acceptedPoints),
    decisionNote: r.decisionNote,
    createdAt: r.createdAt,
    decidedAt: r.decidedAt,
  }));
}

/**
 * A published result: its head and, in the FULL view, the ranking (rank, then the unit's order)
 * and the pending objections. A UNIT viewer gets the head only (its page is its own sheet).
 */
export async function readResult(actor: TAssessActor, resultId: number, db: TReadDb = getDb()) {
  const { head: result } = await readHead(db, actor, resultId);
  if (result.view !== "FULL")
    return { result, rows: [] as TRankRow[], pending: [] as (TObjectionRow & { line: TLine | null })[] };
  const [rows, pending] = await Promise.all([
    db.$queryRaw<TRankRow[]>`
      SELECT sc."orgId", o.name, o.code, sc.total::float8 AS total, sc.grade, sc.rank, sc.vetoed,
        (SELECT count(*)::int FROM "AssessmentObjection" ob
          WHERE ob."resultId" = sc."resultId" AND ob."orgId" = sc."orgId" AND ob.status = 'PENDING') AS pending
      FROM "AssessmentScore" sc JOIN "Org" o ON o.id = sc."orgId"
      WHERE sc."resultId" = ${resultId}
      ORDER BY sc.rank, o."sortOrder", o.id`,
    readObjections(db, resultId, { pending: true }),
  ]);
  const sheets = await db.assessmentScore.findMany({
    where: { resultId, orgId: { in: [...new Set(pending.map((o) => o.orgId))] } },
    select: { orgId: true, lines: true },
  });
  const lineOf = (o: TObjectionRow) =>
    (sheets.find((x) => x.orgId === o.orgId)?.lines as TLine[] | undefined)?.find(
      (l) => l.key === o.lineKey,
    ) ?? null;
  return { result, rows, pending: pending.map((o) => ({ ...o, line: lineOf(o) })) };
}

export type TResultSheet = {
  result: TResultHead;
  unit: { id: number; name: string; code: string };
  total: number;
  grade: TGrade;
  rank: number;
  vetoed: boolean;
  lines: TLine[];
  objections: TObjectionRow[];
  indicatorNames: Record<number, string>;
  /** The task refs behind each rule line (server/explain.ts). */
  refs: Record<string, TLineRef[]>;
  /** How many units the result ranks. */
  units: number;
  /** The evidence of the sheet's manual items, by item id (the sheet's viewers may download it). */
  evidence: Record<number, TEvidenceView[]>;
  /** The viewer is the unit and the deadline has not passed. */
  canObject: boolean;
  /** The viewer's org ran the scheme. */
  canDecide: boolean;
};

/** One unit's frozen sheet in a published result (a UNIT viewer: its own only) with its objections. */
export async function readResultSheet(
  actor: TAssessActor,
  { resultId, orgId }: { resultId: number; orgId: number },
  { db = getDb(), now = new Date() }: { db?: TReadDb; now?: Date } = {},
): Promise<TResultSheet> {
  const { head: result, scheme } = await readHead(db, actor, resultId);
  if (result.view === "UNIT" && orgId !== actor.orgId) throw new AppError("NOT_FOUND");
  const [row] = await db.$queryRaw<
    (Omit<
      TResultSheet,
      "result" | "unit" | "objections" | "canObject" | "canDecide" | "indicatorNames" | "refs" | "evidence"
    > & {
      name: string;
      code: string;
      refs: Record<string, TLineRef[]> | null;
    })[]
  >`
    SELECT o.name, o.code, sc.total::float8 AS total, sc.grade, sc.rank, sc.vetoed, sc.lines, sc.refs,
      (SELECT count(*)::int FROM "AssessmentScore" x WHERE x."resultId" = sc."resultId") AS units
    FROM "AssessmentScore" sc JOIN "Org" o ON o.id = sc."orgId"
    WHERE sc."resultId" = ${resultId} AND sc."orgId" = ${orgId}`;
  if (!row) throw new AppError("NOT_FOUND");
  const { name, code, refs: frozen, ...score } = row;
  const [objections, indicatorNames, refs] = await Promise.all([
    readObjections(db, resultId, { orgId }),
    readIndicatorNames(db, result.rules),
    // The records behind the lines as frozen at publication; a result published before they were
    // kept reads them from today's record as of its day (later changes of the record show there).
    frozen ?? explainLines(getDb(), scheme, { orgId, asOf: result.asOf }),
  ]);
  const itemIds = score.lines.flatMap((l) => (l.key.startsWith("item:") ? [Number(l.key.slice(5))] : []));
  return {
    ...score,
    evidence: await evidenceByItem(db, itemIds),
    result,
    unit: { id: orgId, name, code },
    objections,
    indicatorNames,
    refs,
    canObject: result.view === "UNIT" && result.objectionDeadline >= chinaToday(now),
    canDecide: result.runs,
  };
}
