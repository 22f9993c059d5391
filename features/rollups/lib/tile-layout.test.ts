import { describe, expect, it } from "vitest";
import { buildFederationTree } from "@/features/organizations/lib/build-org-tree";
import { PROVINCE_TILES, TILE_COLS, TILE_ROWS, placeTiles } from "./tile-layout";

const at = (short: string) => PROVINCE_TILES.find((t) => t.short === short)!;

describe("province tile layout", () => {
  it("has 31 tiles, one per province code, each on its own square inside the grid", () => {
    expect(PROVINCE_TILES).toHaveLength(31);
    expect(new Set(PROVINCE_TILES.map((t) => t.code)).size).toBe(31);
    expect(new Set(PROVINCE_TILES.map((t) => `${t.row},${t.col}`)).size).toBe(31);
    for (const t of PROVINCE_TILES) {
      expect(t.row).toBeGreaterThanOrEqual(0);
      expect(t.row).toBeLessThan(TILE_ROWS);
      expect(t.col).toBeGreaterThanOrEqual(0);
      expect(t.col).toBeLessThan(TILE_COLS);
    }
  });

  it("has a tile for every province of the org tree, named by the start of its region name", () => {
    const provinces = buildFederationTree().filter((o) => o.level === "PROVINCE");
    expect(provinces).toHaveLength(31);
    for (const p of provinces) {
      const tile = PROVINCE_TILES.find((t) => t.code === p.regionCode);
      expect(tile, p.name).toBeDefined();
      expect(p.regionName!.startsWith(tile!.short), p.name).toBe(true);
    }
  });

  it("puts provinces roughly where they lie", () => {
    expect(at("新疆").col).toBe(0);
    expect(at("黑龙江")).toMatchObject({ row: 0, col: TILE_COLS - 1 });
    expect(at("海南").row).toBe(TILE_ROWS - 1);
    expect(at("北京").row).toBeLessThan(at("广东").row);
    expect(at("上海").col).toBeGreaterThan(at("四川").col);
    expect(at("河北").row).toBeLessThan(at("河南").row);
  });

  it("places the page's items by region code and leaves the others empty", () => {
    const placed = placeTiles([{ regionCode: "130000", name: "河北省总工会" }]);
    expect(placed).toHaveLength(31);
    expect(placed.filter((p) => p.item).map((p) => [p.tile.short, p.item!.name])).toEqual([
      ["河北", "河北省总工会"],
    ]);
  });
});
