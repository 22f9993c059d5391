import { describe, expect, it } from "vitest";
import { defaultTargetLevel, levelsBelow } from "./target-levels";

describe("levelsBelow", () => {
  it("offers only the levels under the holder's own, never its own or one above", () => {
    expect(levelsBelow("NATIONAL")).toEqual(["PROVINCE", "CITY", "COUNTY", "GRASSROOTS"]);
    expect(levelsBelow("PROVINCE")).toEqual(["CITY", "COUNTY", "GRASSROOTS"]);
    expect(levelsBelow("CITY")).toEqual(["COUNTY", "GRASSROOTS"]);
    expect(levelsBelow("COUNTY")).toEqual(["GRASSROOTS"]);
    expect(levelsBelow("GRASSROOTS")).toEqual([]);
  });
});

describe("defaultTargetLevel", () => {
  it("starts with the next tier that exists below the holder", () => {
    expect(defaultTargetLevel("NATIONAL", new Set(["PROVINCE", "CITY", "COUNTY"]))).toBe("PROVINCE");
    // A municipality (province level) has districts (county level) but no cities.
    expect(defaultTargetLevel("PROVINCE", new Set(["COUNTY", "GRASSROOTS"]))).toBe("COUNTY");
    // Levels at or above the holder never count, even if present in the set.
    expect(defaultTargetLevel("COUNTY", new Set(["PROVINCE", "COUNTY"]))).toBeNull();
    expect(defaultTargetLevel("COUNTY", new Set(["GRASSROOTS"]))).toBe("GRASSROOTS");
  });
});
