import type { TDb, TTx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { ZSchemeRules, type TGrade, type TSchemeRules } from "../schemas";
import { rank, scoreUnit, type TItem, type TLine } from "../lib/score";
import { readFacts, withoutJit } from "./facts";

// A scheme's scores on any day, from the record (server/facts.ts) and the manual items that
// counted on that day. No "server-only": the benchmark and the tests call this.

export type TScheme = {
  id: number;
  orgId: number;
  seriesId: number | null;
  year: number;
  scope: "DIRECT" | "LEVEL";
  level: string | null;
  planId: number | null;
  rules: TSchemeRules;
};

export type TUnit = { id: number; name: string; code: string };
export type TUnitScore = TUnit & {
  total: number;
  grade: TGrade;
  vetoed: boolean;
  rank: number;
  lines: TLine[];
};

type TDbLike = Pick<TTx, "$queryRaw">;

/** The scheme row with its rules checked (a stored scheme always passed the schema). */
export async function loadScheme(db: TDb | TTx, id: number): Promise<TScheme | null> {
  const s = await db.assessmentScheme.findUnique({ where: { id } });
  if (!s) return null;
  return { ...s, level: s.level, rules: ZSchemeRules.parse(s.rules) };
}

/** All versions of a scheme share the series id: the first version's. */
export const seriesOf = (s: Pick<TScheme, "id" | "seriesId">) => s.seriesId ?? s.id;

/** The units a scheme scores on day D: its org's direct subordinates, or every unit of its level below it; open on D. */
export async function schemeUnits(db: TDbLike, s: TScheme, asOf: Date): Promise<TUnit[]> {
  const which =
    s.scope === "DIRECT"
      ? Prisma.sql`o."parentId" = ${s.orgId}`
      : Prisma.sql`o."ancestorIds" @> ARRAY[${s.orgId}]::int[] AND o.id <> ${s.orgId} AND o.level = ${s.level ?? "COUNTY"}::"OrgLevel"`;
  return db.$queryRaw<TUnit[]>`
    SELECT o.id, o.name, o.code FROM "Org" o
    WHERE ${which}
      AND (o."closedAt" IS NULL OR (o."closedAt" AT TIME ZONE 'Asia/Shanghai')::date > ${asOf}::date)
    ORDER BY o."sortOrder", o.id`;
}

/** The manual items of the scheme's series that counted on day D, per unit. */
export async function readItems(db: TDbLike, s: TScheme, asOf: Date): Promise<Map<number, TItem[]>> {
  const rows = await db.$queryRaw<(TItem & { orgId: number })[]>`
    SELECT id, "orgId", kind::text AS kind, points::float8 AS points, reason FROM "AssessmentItem"
    WHERE "seriesId" = ${seriesOf(s)} AND day <= ${asOf}::date
      AND ("withdrawnAt" IS NULL OR ("withdrawnAt" AT TIME ZONE 'Asia/Shanghai')::date > ${asOf}::date)
    ORDER BY id`;
  const out = new Map<number, TItem[]>();
  for (const r of rows) out.set(r.orgId, [...(out.get(r.orgId) ?? []), r]);
  return out;
}

/** Every unit's score sheet and rank on day D. */
export async function computeScores(db: TDb | TTx, s: TScheme, asOf: Date): Promise<TUnitScore[]> {
  const units = await schemeUnits(db, s, asOf);
  const indicatorIds = s.rules.rules.flatMap((r) => (r.kind === "INDICATOR" ? [r.indicatorId] : []));
  const facts = await withoutJit(db, (tx) =>
    readFacts(tx, { units: units.map((u) => u.id), planId: s.planId, year: s.year, asOf }, indicatorIds),
  );
  const items = await readItems(db, s, asOf);
  return rank(
    units.map((u) => ({ ...u, ...scoreUnit(s.rules, facts.get(u.id)!, { items: items.get(u.id) ?? [] }) })),
  );
}
