import { TARGET_LEVELS } from "../schemas";

// Which org levels a holder may assign to: only levels below its own (pure, unit-tested).
// 全总 → provinces and below; a county → its grassroots unions; a grassroots union → none.

export type TOrgLevel = "NATIONAL" | "PROVINCE" | "CITY" | "COUNTY" | "GRASSROOTS";
export type TTargetLevel = (typeof TARGET_LEVELS)[number];

const RANK: Record<TOrgLevel, number> = { NATIONAL: 0, PROVINCE: 1, CITY: 2, COUNTY: 3, GRASSROOTS: 4 };

/** The target levels strictly below `holder`, highest first. */
export function levelsBelow(holder: TOrgLevel): TTargetLevel[] {
  return TARGET_LEVELS.filter((l) => RANK[l] > RANK[holder]);
}

/**
 * The level the 下达 form starts with: the highest level below the holder that has orgs in its
 * subtree (`present`), so one click never reaches more than the next tier; null when none does.
 */
export function defaultTargetLevel(holder: TOrgLevel, present: ReadonlySet<string>): TTargetLevel | null {
  return levelsBelow(holder).find((l) => present.has(l)) ?? null;
}
