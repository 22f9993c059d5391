"use client";

import { registerMap } from "echarts/core";
import { CHINA_MAP_NAME } from "./province-map-option";
import type { TGeoFeature } from "./province-map-data";

/**
 * Province boundaries: Apache ECharts 4.9.0 `map/json/china.json` (Apache-2.0), shipped verbatim as a
 * static file (61 KB, see THIRD_PARTY_NOTICES.md) and fetched only where a map is drawn.
 */
export const CHINA_GEO_URL = "/geo/china-provinces.json";

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
      registerMap(CHINA_MAP_NAME, json as unknown as Parameters<typeof registerMap>[1]);
      return features;
    })
    .catch((error: unknown) => {
      pending = null; // let the next mount try again
      throw error;
    });
  return pending;
}
