import { describe, expect, it } from "vitest";
import {
  matchRegions,
  shortRegionName,
  toProvinceCode,
  type TGeoFeature,
  type TProvinceMapItem,
} from "./province-map-data";

const feature = (name: string, props: Record<string, unknown> = {}, id?: unknown): TGeoFeature => ({
  id,
  properties: { name, ...props },
});
const item = (regionCode: string, name: string, rate: number | null = 0.5): TProvinceMapItem => ({
  regionCode,
  name,
  rate,
  href: `/p/${regionCode}`,
});

describe("toProvinceCode", () => {
  it("accepts 6-digit province codes as string or number, and 2-digit prefixes", () => {
    expect(toProvinceCode("130000")).toBe("130000");
    expect(toProvinceCode(130000)).toBe("130000");
    expect(toProvinceCode(" 13 ")).toBe("130000");
  });
  it("rejects city codes and anything else", () => {
    expect(toProvinceCode("130100")).toBeNull();
    expect(toProvinceCode("1300")).toBeNull();
    expect(toProvinceCode("100000_JD")).toBeNull();
    expect(toProvinceCode(null)).toBeNull();
  });
});

describe("shortRegionName", () => {
  it.each([
    ["河北省总工会", "河北"],
    ["内蒙古自治区", "内蒙古"],
    ["新疆维吾尔自治区", "新疆"],
    ["广西壮族自治区总工会", "广西"],
    ["北京市", "北京"],
    ["香港特别行政区", "香港"],
    ["山西", "山西"],
  ])("%s → %s", (name, short) => expect(shortRegionName(name)).toBe(short));
});

describe("matchRegions", () => {
  it("matches by adcode, then properties.id, then feature.id, whatever the names say", () => {
    const features = [
      feature("河北", { adcode: 130000 }),
      feature("山西", { id: "140000" }),
      feature("辽宁", {}, "210000"),
    ];
    const items = [item("130000", "Hebei"), item("140000", "Shanxi"), item("210000", "Liaoning")];
    const { regions, unmatched } = matchRegions(features, items);
    expect(regions.map((r) => [r.name, r.code, r.item?.name])).toEqual([
      ["河北", "130000", "Hebei"],
      ["山西", "140000", "Shanxi"],
      ["辽宁", "210000", "Liaoning"],
    ]);
    expect(unmatched).toEqual([]);
  });

  it("a code match wins over a name match, and an item is used once", () => {
    // The item named 山西 carries Hebei's code: it must colour 河北, not 山西.
    const { regions } = matchRegions(
      [feature("河北", { adcode: 130000 }), feature("山西", { adcode: 140000 })],
      [item("130000", "山西省总工会")],
    );
    expect(regions.find((r) => r.name === "河北")?.item?.regionCode).toBe("130000");
    expect(regions.find((r) => r.name === "山西")?.item).toBeNull();
  });

  it("falls back to the name only when the feature has no usable code", () => {
    const { regions } = matchRegions(
      [feature("内蒙古", { adcode: "100000_JD" })],
      [item("", "内蒙古自治区总工会", 0.2)],
    );
    expect(regions[0]?.item?.rate).toBe(0.2);
  });

  it("keeps regions without a federation (台湾) as empty regions and reports items without a region", () => {
    const { regions, unmatched } = matchRegions(
      [feature("台湾", { adcode: 710000 }), { properties: {} }],
      [item("990000", "Nowhere")],
    );
    expect(regions).toEqual([{ name: "台湾", code: "710000", item: null }]);
    expect(unmatched.map((i) => i.name)).toEqual(["Nowhere"]);
  });
});
