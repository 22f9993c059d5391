import "server-only";
import { orgScopeWhere } from "@/lib/auth/scope";
import type { TDb } from "@/lib/db/client";
import type { TLedgerNames, TLedgerTask } from "../lib/ledger-row";
import { regionPath, type TRegionOrg } from "../lib/region-path";

type TOrg = TRegionOrg & { id: number; ancestorIds: number[] };
type TObjective = { id: number; code: string; title: string };

export type TLedgerLookup = TLedgerNames & {
  /** Loads what a chunk names that is not known yet (before its lines are made). */
  complete(tasks: readonly TLedgerTask[]): Promise<void>;
};

const ORG = { id: true, name: true, regionName: true, level: true, ancestorIds: true } as const;
const OBJECTIVE = { id: true, code: true, title: true } as const;

/**
 * The names a 台账 line repeats, read once per export instead of once per line: every objective
 * (a few hundred), the federations above and below the org (a few thousand) and each region
 * path, made once per federation. An org or objective outside these (the old parent of a moved
 * task, one created during the download) is loaded by `complete` when a chunk names it.
 */
export async function ledgerNames(
  db: Pick<TDb, "org" | "objective">,
  org: { id: number; ancestorIds: number[] },
): Promise<TLedgerLookup> {
  const [objectiveRows, federationRows] = await Promise.all([
    db.objective.findMany({ select: OBJECTIVE }),
    db.org.findMany({
      where: {
        level: { not: "GRASSROOTS" },
        OR: [orgScopeWhere({ orgId: org.id }), { id: { in: org.ancestorIds } }],
      },
      select: ORG,
    }),
  ]);
  const objectives = new Map<number, TObjective>(objectiveRows.map((o) => [o.id, o]));
  const federations = new Map<number, TOrg>(federationRows.map((o) => [o.id, o]));
  const others = new Map<number, TOrg>();
  const regions = new Map<number, string>();
  const known = (id: number) => federations.get(id) ?? others.get(id);
  // The regions of the federations on the org's path (ancestorIds: root … the org itself).
  const regionOf = (id: number) => {
    let region = regions.get(id);
    if (region === undefined) {
      const o = known(id);
      region = o ? regionPath(o.ancestorIds, federations) : "";
      regions.set(id, region);
    }
    return region;
  };
  // A grassroots holder shows its parent's regions (it is no region itself).
  const regionKey = (t: TLedgerTask) => (federations.has(t.orgId) ? t.orgId : t.upId);
  return {
    objective: (id) => objectives.get(id) ?? { code: "", title: "" },
    orgName: (id) => known(id)?.name ?? "",
    region: (orgId, upId) => {
      const key = federations.has(orgId) ? orgId : upId;
      return key === null ? "" : regionOf(key);
    },
    async complete(tasks) {
      const orgIds = new Set<number>();
      const objectiveIds = new Set<number>();
      const org = (id: number | null) => id !== null && !known(id) && orgIds.add(id);
      const objective = (id: number | null) => id !== null && !objectives.has(id) && objectiveIds.add(id);
      for (const t of tasks) {
        org(t.reviewOrgId);
        org(t.parentOrgId);
        org(regionKey(t));
        objective(t.measureId);
        objective(t.mainTaskId);
        objective(t.parentMeasureId);
      }
      const [orgs, objs] = await Promise.all([
        orgIds.size ? db.org.findMany({ where: { id: { in: [...orgIds] } }, select: ORG }) : [],
        objectiveIds.size
          ? db.objective.findMany({ where: { id: { in: [...objectiveIds] } }, select: OBJECTIVE })
          : [],
      ]);
      for (const o of orgs) others.set(o.id, o);
      for (const o of objs) objectives.set(o.id, o);
    },
  };
}
