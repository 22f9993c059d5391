import path from "node:path";

/** A deployer-supplied approved map: the GeoJSON file and its 审图号 (e.g. GS(2024)1234号). */
export type TApprovedMap = { geoJsonPath: string; approvalNo: string };

/**
 * The geographic map is shown only when both MAP_GEOJSON and MAP_APPROVAL_NO are set: a map of
 * China published in China must be an approved one and print its 审图号. Otherwise the national
 * view is the province tile grid. A relative path is taken from the working directory.
 */
export function approvedMapFrom(
  env: { MAP_GEOJSON?: string; MAP_APPROVAL_NO?: string },
  cwd: string,
): TApprovedMap | null {
  const file = env.MAP_GEOJSON?.trim();
  const approvalNo = env.MAP_APPROVAL_NO?.trim();
  if (!file || !approvalNo) return null;
  return { geoJsonPath: path.resolve(cwd, file), approvalNo };
}
