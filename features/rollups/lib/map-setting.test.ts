import { describe, expect, it } from "vitest";
import { approvedMapFrom } from "./map-setting";

describe("approvedMapFrom", () => {
  it("is off unless both the GeoJSON and the 审图号 are set", () => {
    expect(approvedMapFrom({}, "/srv/app")).toBeNull();
    expect(approvedMapFrom({ MAP_GEOJSON: "/maps/china.json" }, "/srv/app")).toBeNull();
    expect(approvedMapFrom({ MAP_APPROVAL_NO: "GS(2024)1234号" }, "/srv/app")).toBeNull();
    expect(approvedMapFrom({ MAP_GEOJSON: " ", MAP_APPROVAL_NO: "GS(2024)1234号" }, "/srv/app")).toBeNull();
    expect(approvedMapFrom({ MAP_GEOJSON: "/maps/china.json", MAP_APPROVAL_NO: " " }, "/srv/app")).toBeNull();
  });

  it("resolves a relative path from the working directory and keeps the number as given", () => {
    expect(
      approvedMapFrom({ MAP_GEOJSON: "maps/china.json", MAP_APPROVAL_NO: "GS(2024)1234号" }, "/srv/app"),
    ).toEqual({
      geoJsonPath: "/srv/app/maps/china.json",
      approvalNo: "GS(2024)1234号",
    });
    expect(approvedMapFrom({ MAP_GEOJSON: "/maps/c.json", MAP_APPROVAL_NO: "GS京(2025)7号" }, "/x")).toEqual({
      geoJsonPath: "/maps/c.json",
      approvalNo: "GS京(2025)7号",
    });
  });
});
