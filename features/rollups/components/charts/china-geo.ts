"use client";

import { registerMap } from "echarts/core";
import { APPROVED_MAP_NAME } from "./province-map-option";
import type { TGeoFeature } from "./province-map-data";

/**
 * Province boundaries: the deployer's approved map (MAP_GEOJSON, shown only with its MAP_APPROVAL_NO),
 * served by app/api/map/geojson and fetched only where the map is drawn. No map is bundled.
 */
export const CHINA_GEO_URL = "/api/map/geojson";

type TGeoJson = { features: TGeoFeature[] };
let pending: Promise<TGeoFeature[]> | null = null;

/** Fetches and registers the map once per page load; resolves to the features' ids and properties. */
export function loadChinaGeo(): Promise<TGeoFeature[]> {
  pending ??= fetch(CHINA_GEO_URL)
    .then(async (res) => {
      if (!res.ok) throw new Error(`GET ${CHINA_GEO_URL}: ${res.status}`);
      const json = (await res.json()) as TGeoJson;
      // Copy what the matching needs before ECharts decodes the geometry in place.
      const features = json.features.map((f) => ({ id: f.id, properties: { ...f.properties } }));
      registerMap(APPROVED_MAP_NAME, json as unknown as Parameters<typeof registerMap>[1]);
      return features;
    })
    .catch((error: unknown) => {
      pending = null; // let the next mount try again
      throw error;
    });
  return pending;
}
