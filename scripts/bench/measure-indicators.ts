import type { TDb } from "@/lib/db/client";
import { getIndicatorCompletion } from "@/features/indicators/server/get-indicator-completion";
import { readIndicatorFigures } from "@/features/indicators/server/read-indicators";
import { getCompletion } from "@/features/rollups/server/get-completion";
import { formatSummary, log, pick, rng, summarize, timed, type TSummary } from "./stats";
import type { TTarget, TTargets } from "./targets";

// The completion view with an indicator chosen, at national, province and county level: the indicator
// read alone (readIndicatorFigures, one statement) and the whole view as the page loads it
// (getCompletion and getIndicatorCompletion side by side); a random org and indicator each time.
export type TIndicatorReads = Record<"national" | "province" | "county", { read: TSummary; view: TSummary }>;

export async function measureIndicatorReads(
  db: TDb,
  { targets, iterations }: { targets: TTargets; iterations: number },
): Promise<TIndicatorReads> {
  // The generated ones (with targets and actuals on every task of their measures), not the seed's.
  const indicators = await db.indicator.findMany({
    where: { name: { startsWith: "基准指标" } },
    select: { id: true, objectiveId: true },
  });
  if (indicators.length === 0) throw new Error("no indicators: ensureIndicators did not run");
  const r = rng(20261204);
  const root = { orgId: targets.national.id };
  const out = {} as TIndicatorReads;
  const levels: [keyof TIndicatorReads, TTarget[]][] = [
    ["national", [targets.national]],
    ["province", targets.provinces],
    ["county", targets.counties],
  ];
  for (const [level, orgs] of levels) {
    const run = async (fn: (o: TTarget, i: (typeof indicators)[number]) => Promise<unknown>) => {
      for (let k = 0; k < 30; k++) await fn(pick(orgs, r), pick(indicators, r));
      const samples: number[] = [];
      for (let k = 0; k < iterations; k++) {
        const [o, i] = [pick(orgs, r), pick(indicators, r)];
        samples.push((await timed(() => fn(o, i)))[0]);
      }
      return summarize(samples);
    };
    const read = await run((o, indicator) =>
      readIndicatorFigures(db, { orgs: o.readOrgs, indicator, ...(o.isRoot ? {} : { ownOf: o.id }) }),
    );
    log(formatSummary(`${level}: indicator read`, read));
    const view = await run((o, i) =>
      Promise.all([
        getCompletion(root, { orgId: o.id }),
        getIndicatorCompletion(root, { orgId: o.id, indicatorId: i.id }),
      ]),
    );
    log(formatSummary(`${level}: view with an indicator`, view));
    out[level] = { read, view };
  }
  return out;
}
