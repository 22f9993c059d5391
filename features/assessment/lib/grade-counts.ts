import { GRADES, type TGrade } from "../schemas";

/** How many units got each grade (every grade present, 0 when none). */
export function gradeCounts(units: readonly { grade: string }[]): Record<TGrade, number> {
  const out = Object.fromEntries(GRADES.map((g) => [g, 0])) as Record<TGrade, number>;
  for (const u of units) if (u.grade in out) out[u.grade as TGrade] += 1;
  return out;
}
