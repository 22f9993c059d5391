import type { TDb } from "@/lib/db/client";
import { getCompletion } from "@/features/rollups/server/get-completion";
import { readFigures, type TRollupRow } from "@/features/rollups/server/read-rollups";
import type { TConfig } from "./config";
import { naiveCompletion } from "./naive";
import { formatSummary, log, pick, rng, summarize, timed, type TSummary } from "./stats";
import type { TTarget, TTargets } from "./targets";

// (a) The completion view at national, province and county level: the app's roll-up read
// (readFigures, the query getCompletion runs), the whole getCompletion query set, and the
// naive recompute from the task rows; random orgs per iteration, after a warm-up.
export type TLevel = "national" | "province" | "county";
export type TLevelResult = { rollup: TSummary; view: TSummary; naive: TSummary };
export type TReadResult = Record<TLevel, TLevelResult> & { checkedRows: number; mismatchedRows: number };

async function sample(
  { n, warmup, orgs, r }: { n: number; warmup: number; orgs: TTarget[]; r: () => number },
  fn: (o: TTarget) => Promise<unknown>,
): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn(pick(orgs, r));
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const org = pick(orgs, r);
    out.push((await timed(() => fn(org)))[0]);
  }
  return out;
}

const key = (x: TRollupRow) => `${x.orgId}:${x.mainTaskId}`;
const norm = (rows: TRollupRow[]) =>
  new Map(
    rows
      .filter(
        (x) =>
          x.pendingSign +
            x.handedBack +
            x.inProgress +
            x.submitted +
            x.completed +
            x.progressSum +
            x.overdue >
          0,
      )
      .map((x) => [
        key(x),
        JSON.stringify([
          x.pendingSign,
          x.handedBack,
          x.inProgress,
          x.submitted,
          x.completed,
          x.completedOnTime,
          Number(x.progressSum),
          x.overdue,
        ]),
      ]),
  );

/** Rows where the roll-up read and the recompute disagree (they must not). */
async function compare(db: TDb, org: TTarget, today: Date): Promise<[number, number]> {
  const [a, b] = await Promise.all([
    readFigures(db, { orgs: org.readOrgs, measureIds: null, today }),
    naiveCompletion(db, org, today),
  ]);
  const [x, y] = [norm(a), norm(b)];
  let bad = 0;
  for (const k of new Set([...x.keys(), ...y.keys()])) if (x.get(k) !== y.get(k)) bad++;
  return [Math.max(x.size, y.size), bad];
}

export async function measureReads(
  db: TDb,
  { cfg, targets, today }: { cfg: TConfig; targets: TTargets; today: Date },
): Promise<TReadResult> {
  const r = rng(20261125);
  const levels: [TLevel, TTarget[], number][] = [
    ["national", [targets.national], cfg.recomputeIterations],
    ["province", targets.provinces, cfg.quick ? 30 : 20],
    ["county", targets.counties, 100],
  ];
  const root = { orgId: targets.national.id };
  const out = { checkedRows: 0, mismatchedRows: 0 } as TReadResult;
  for (const [level, orgs, naiveN] of levels) {
    for (const org of [...orgs].sort(() => r() - 0.5).slice(0, level === "county" ? 20 : 3)) {
      const [rows, bad] = await compare(db, org, today);
      out.checkedRows += rows;
      out.mismatchedRows += bad;
    }
    const rollup = summarize(
      await sample({ n: cfg.readIterations, warmup: 30, orgs, r }, (o) =>
        readFigures(db, { orgs: o.readOrgs, measureIds: null, today }),
      ),
    );
    log(formatSummary(`${level}: roll-up read (readFigures)`, rollup));
    const view = summarize(
      await sample({ n: cfg.readIterations, warmup: 30, orgs, r }, (o) =>
        getCompletion(root, { orgId: o.id, today }),
      ),
    );
    log(formatSummary(`${level}: whole view (getCompletion)`, view));
    const naive = summarize(
      await sample({ n: naiveN, warmup: level === "national" ? 1 : 3, orgs, r }, (o) =>
        naiveCompletion(db, o, today),
      ),
    );
    log(formatSummary(`${level}: naive recompute`, naive));
    out[level] = { rollup, view, naive };
  }
  log(
    `read check: ${out.mismatchedRows} of ${out.checkedRows} rows differ between the roll-up read and the recompute`,
  );
  return out;
}
