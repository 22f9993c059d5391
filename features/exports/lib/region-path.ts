export type TRegionOrg = { name: string; regionName: string | null; level: string };

/**
 * 「河北省 / 石家庄市 / 正定县」: the regions of the federations on an org's path (its
 * orgPath, root … self), without the national federation. Grassroots unions are not
 * regions and are not in `federations`, so a grassroots holder shows its county's path.
 */
export function regionPath(orgPath: readonly number[], federations: ReadonlyMap<number, TRegionOrg>): string {
  const names: string[] = [];
  for (const id of orgPath) {
    const o = federations.get(id);
    if (o && o.level !== "NATIONAL" && o.level !== "GRASSROOTS") names.push(o.regionName ?? o.name);
  }
  return names.join(" / ");
}
