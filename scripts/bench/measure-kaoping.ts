import type { TDb } from "@/lib/db/client";
import { ZSchemeRules } from "@/features/assessment/schemas";
import { computeScores, type TScheme } from "@/features/assessment/server/compute";
import { log, timed } from "./stats";

// 考评 at national size: a national scheme for every county federation (scope LEVEL, COUNTY) across
// every measure of every plan, with one rule of each kind (an indicator rule on the first bench
// indicator), scored as of today. Timed: computeScores (units, facts from the record, items,
// scores, ranking). The scheme is not stored: computeScores needs only its row's fields.

export type TKaopingResult = { seconds: number; units: number };

export async function measureKaoping(db: TDb, today: Date): Promise<TKaopingResult> {
  const root = await db.org.findFirstOrThrow({ where: { parentId: null }, select: { id: true } });
  const indicator = await db.indicator.findFirst({
    where: { name: { startsWith: "基准指标" } },
    orderBy: { id: "asc" },
    select: { id: true },
  });
  const rules = ZSchemeRules.parse({
    base: 60,
    rules: [
      {
        id: "done",
        kind: "COMPLETED",
        points: 0.5,
        weights: { LOW: 0.5, NORMAL: 1, HIGH: 1.5, URGENT: 2 },
        max: 30,
      },
      { id: "ontime", kind: "ON_TIME", points: 0.2, max: 10 },
      ...(indicator
        ? [{ id: "ind", kind: "INDICATOR", indicatorId: indicator.id, points: 10, capRatio: 1 }]
        : []),
      { id: "rep", kind: "REPORT_ON_TIME", points: 0.01, max: 5 },
      { id: "overdue", kind: "OVERDUE", points: 0.5, max: 20 },
      { id: "ret", kind: "RETURNED", points: 1, max: 10 },
      { id: "nudge", kind: "NUDGED", points: 0.5, max: 5 },
      { id: "late", kind: "LATE_REPORT", points: 0.05, max: 5 },
      { id: "miss", kind: "MISSING_REPORT", points: 0.1, max: 10 },
    ],
    bands: { EXCELLENT: 90, GOOD: 80, PASS: 60 },
  });
  const scheme: TScheme = {
    id: 0,
    orgId: root.id,
    seriesId: null,
    year: today.getUTCFullYear(),
    scope: "LEVEL",
    level: "COUNTY",
    planId: null,
    rules,
  };
  await computeScores(db, scheme, today); // warm-up
  const [ms, scores] = await timed(() => computeScores(db, scheme, today));
  const grades = new Map<string, number>();
  for (const s of scores) grades.set(s.grade, (grades.get(s.grade) ?? 0) + 1);
  log(
    `考评: ${scores.length} county federations scored in ${(ms / 1000).toFixed(2)} s (grades ${JSON.stringify(Object.fromEntries(grades))}, top ${scores[0]?.total}, bottom ${scores.at(-1)?.total})`,
  );
  return { seconds: Math.round(ms / 10) / 100, units: scores.length };
}
