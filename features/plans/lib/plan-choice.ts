import { z } from "zod";
import { PLAN_CODE_PREFIX_RE } from "@/lib/objective-code";

/** The cookie the plan switcher (and a `?plan=` link) sets: the current plan's code prefix. */
export const PLAN_COOKIE = "plan";

/** The 17th report: the default when no visible plan's period covers today. */
export const FALLBACK_PLAN_PREFIX = "3";

/** A `?plan=` value or the cookie: a plan code prefix; anything else is ignored (not an error). */
export const zPlanPrefix = () => z.string().max(12).regex(PLAN_CODE_PREFIX_RE);

export function parsePlanPrefix(v: unknown): string | undefined {
  const r = zPlanPrefix().safeParse(v);
  return r.success ? r.data : undefined;
}

export type TPlanCandidate = {
  codePrefix: string;
  periodStart: Date;
  periodEnd: Date;
  /** Depth of the issuing org in the org tree (0 = national). */
  issuerDepth: number;
};

/**
 * The default plan of a user at depth `userDepth` (pure): among the visible plans whose period
 * covers today, the one whose issuer is closest to the user's org (the smallest depth difference:
 * a county's province before the national federation), the most recent on a tie (latest start);
 * otherwise the 17th report if visible, otherwise the most recent visible plan.
 */
export function chooseDefaultPlan<T extends TPlanCandidate>(
  plans: readonly T[],
  userDepth: number,
  today: Date,
): T | undefined {
  const recentFirst = (a: T, b: T) =>
    b.periodStart.getTime() - a.periodStart.getTime() || b.periodEnd.getTime() - a.periodEnd.getTime();
  const current = plans
    .filter((p) => p.periodStart <= today && today <= p.periodEnd)
    .sort(
      (a, b) =>
        Math.abs(userDepth - a.issuerDepth) - Math.abs(userDepth - b.issuerDepth) || recentFirst(a, b),
    );
  return (
    current[0] ?? plans.find((p) => p.codePrefix === FALLBACK_PLAN_PREFIX) ?? [...plans].sort(recentFirst)[0]
  );
}
