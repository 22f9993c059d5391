import { readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/errors";

// GET /api/map/geojson serves the deployer's approved map, and nothing unless both settings are set.
const session = vi.hoisted(() => ({ signedIn: true }));
vi.mock("@/lib/auth/session", () => ({
  authorize: async () => {
    if (!session.signedIn) throw new AppError("UNAUTHENTICATED");
    return { id: 1, orgId: 1 };
  },
}));
const { GET } = await import("@/app/api/map/geojson/route");

const FIXTURE = path.resolve(
  import.meta.dirname,
  "../../features/rollups/components/charts/fixtures/mini-map.geo.json",
);
const setEnv = (geo?: string, no?: string) => {
  if (geo === undefined) delete process.env.MAP_GEOJSON;
  else process.env.MAP_GEOJSON = geo;
  if (no === undefined) delete process.env.MAP_APPROVAL_NO;
  else process.env.MAP_APPROVAL_NO = no;
};
afterEach(() => {
  setEnv();
  session.signedIn = true;
});

describe("GET /api/map/geojson", () => {
  it("is not found by default and with only one of the two settings", async () => {
    for (const [geo, no] of [
      [undefined, undefined],
      [FIXTURE, undefined],
      [undefined, "GS(2024)1234号"],
    ]) {
      setEnv(geo, no);
      const res = await GET();
      expect([res.status, await res.json()]).toEqual([404, { code: "NOT_FOUND" }]);
    }
  });

  it("serves the configured file as it is when both are set", async () => {
    setEnv(FIXTURE, "GS(2024)1234号");
    const res = await GET();
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/geo+json; charset=utf-8");
    const body = await res.text();
    expect(body).toBe(readFileSync(FIXTURE, "utf8"));
    expect((JSON.parse(body) as { features: unknown[] }).features).toHaveLength(5);
  });

  it("needs a signed-in user", async () => {
    setEnv(FIXTURE, "GS(2024)1234号");
    session.signedIn = false;
    const res = await GET();
    expect([res.status, await res.json()]).toEqual([401, { code: "UNAUTHENTICATED" }]);
  });
});
