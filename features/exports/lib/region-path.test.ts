import { describe, expect, it } from "vitest";
import { regionPath, type TRegionOrg } from "./region-path";

const orgs = new Map<number, TRegionOrg>([
  [1, { name: "中华全国总工会", regionName: null, level: "NATIONAL" }],
  [2, { name: "河北省总工会", regionName: "河北省", level: "PROVINCE" }],
  [3, { name: "石家庄市总工会", regionName: "石家庄市", level: "CITY" }],
  [4, { name: "正定县总工会", regionName: "正定县", level: "COUNTY" }],
  [5, { name: "某开发区总工会", regionName: null, level: "COUNTY" }],
]);

describe("regionPath", () => {
  it("lists the region names below the national federation", () => {
    expect(regionPath([1, 2, 3, 4], orgs)).toBe("河北省 / 石家庄市 / 正定县");
    expect(regionPath([1, 2], orgs)).toBe("河北省");
  });

  it("skips grassroots unions (not in the map) and falls back to the org name", () => {
    expect(regionPath([1, 2, 3, 4, 99], orgs)).toBe("河北省 / 石家庄市 / 正定县");
    expect(regionPath([1, 2, 3, 5], orgs)).toBe("河北省 / 石家庄市 / 某开发区总工会");
    expect(regionPath([1], orgs)).toBe("");
  });
});
