// Joins the map's features to the page's province items. Pure: unit-tested beside it.
// A feature is matched by its 6-digit division code (properties.adcode, or properties.id / feature.id
// as in the ECharts china.json we ship); only a feature left without a code match falls back to its name.

export type TProvinceMapItem = {
  regionCode: string; // GB/T 2260 province code, e.g. "130000"
  name: string; // display name, already translated
  rate: number | null; // completion rate 0..1; null = no tasks
  href: string;
};

export type TGeoFeature = {
  id?: unknown;
  properties?: { name?: unknown; adcode?: unknown; id?: unknown } | null;
};

/** One map region: `name` is the feature's own name, the key ECharts joins series data on. */
export type TMapRegion = { name: string; code: string | null; item: TProvinceMapItem | null };

/** "130000" for 130000, "130000" or "13"; null for anything that is not a province-level code. */
export function toProvinceCode(value: unknown): string | null {
  const s = typeof value === "number" ? String(value) : typeof value === "string" ? value.trim() : "";
  if (/^\d{2}$/.test(s)) return `${s}0000`;
  return /^\d{2}0000$/.test(s) ? s : null;
}

const NAME_SUFFIXES = /(维吾尔自治区|壮族自治区|回族自治区|自治区|特别行政区|省|市)$/;

/** 河北省总工会 → 河北, 新疆维吾尔自治区 → 新疆, 北京市 → 北京; other text is only trimmed. */
export function shortRegionName(name: string): string {
  return name
    .trim()
    .replace(/(总工会|工会)$/, "")
    .replace(NAME_SUFFIXES, "");
}

function featureCode(f: TGeoFeature): string | null {
  const p = f.properties ?? {};
  return toProvinceCode(p.adcode) ?? toProvinceCode(p.id) ?? toProvinceCode(f.id);
}

/** Every named feature becomes a region; each item is used at most once. `unmatched`: items with no region. */
export function matchRegions(features: readonly TGeoFeature[], items: readonly TProvinceMapItem[]) {
  const byCode = new Map<string, TProvinceMapItem>();
  for (const item of items) {
    const code = toProvinceCode(item.regionCode);
    if (code && !byCode.has(code)) byCode.set(code, item);
  }
  const used = new Set<TProvinceMapItem>();
  const regions: TMapRegion[] = [];
  for (const f of features) {
    const name = typeof f.properties?.name === "string" ? f.properties.name : "";
    if (!name) continue;
    const code = featureCode(f);
    const item = code ? byCode.get(code) : undefined;
    if (item) used.add(item);
    regions.push({ name, code, item: item ?? null });
  }
  // Name fallback, only for regions the codes left empty and items the codes did not place.
  for (const region of regions) {
    if (region.item) continue;
    const short = shortRegionName(region.name);
    const item = items.find((i) => !used.has(i) && shortRegionName(i.name) === short);
    if (item) {
      used.add(item);
      region.item = item;
    }
  }
  return { regions, unmatched: items.filter((i) => !used.has(i)) };
}
