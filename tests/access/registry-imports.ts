import { settleImportJobs } from "@/features/imports/server/runner";
import type { TRouteRequest } from "./call";
import { perms, type TActionCase, type TCtx, type THttpMethod, type TRouteCase } from "./registry-kit";
import type { TRegion } from "./world";

// Registry entries of the import pipeline (features/imports): its actions and route handlers. A job
// is aimed at by the org it was uploaded in: the callers' 石家庄 (own) or 武汉 (other). Uploads and
// commits go on in the background: every input builder first waits for them, so that the matrix's
// "nothing written" fingerprint of the next call does not see them.

async function job(c: TCtx, region: TRegion): Promise<number> {
  await settleImportJobs();
  const created = await c.w.db.importJob.create({
    data: {
      kind: "ORGS",
      orgId: c.w.orgs[region].held,
      createdById: c.w.demo[region === "own" ? "shijiazhuang" : "wuhan"]!.id,
      status: "PREVIEW",
      fileName: "矩阵.xlsx",
      fileFormat: "XLSX",
      sha256: "0".repeat(64),
      fileBytes: 1,
    },
    select: { id: true },
  });
  return created.id;
}

const jobRoute =
  (suffix: string) =>
  async (c: TCtx, region: TRegion): Promise<TRouteRequest> => {
    const id = await job(c, region);
    return { url: `/api/imports/${id}${suffix}`, params: { id: String(id) } };
  };

const exportOf = async (org: number): Promise<TRouteRequest> => {
  await settleImportJobs();
  return { url: `/api/imports/exports/ORGS?org=${org}`, params: { kind: "ORGS" } };
};

const csv = () => {
  const body = new FormData();
  body.set("file", new File(["工会名称,工会代码\n"], "unions.csv", { type: "text/csv" }));
  return body;
};

// Jobs of a kind the caller may not import are not found, like jobs outside the subtree.
const hidden = { needs: perms("org:manage"), deniedAs: ["NOT_FOUND"] } as const;

export const IMPORT_ACTIONS: Record<string, TActionCase> = {
  confirmImportAction: {
    ...hidden,
    own: async (c) => ({ id: await job(c, "own") }),
    other: async (c) => ({ id: await job(c, "other") }),
  },
  cancelImportAction: {
    ...hidden,
    own: async (c) => ({ id: await job(c, "own") }),
    other: async (c) => ({ id: await job(c, "other") }),
  },
};

export const IMPORT_ROUTES: Record<string, Partial<Record<THttpMethod, TRouteCase>>> = {
  "app/api/imports/route.ts": {
    POST: {
      needs: perms("org:manage"),
      own: async () => (
        await settleImportJobs(),
        { url: "/api/imports?kind=ORGS", params: {}, init: { body: csv() } }
      ),
      other: { none: "a job is always created in the uploader's own org" },
    },
  },
  "app/api/imports/[id]/route.ts": {
    GET: { ...hidden, own: (c) => jobRoute("")(c, "own"), other: (c) => jobRoute("")(c, "other") },
  },
  "app/api/imports/[id]/errors/route.ts": {
    GET: {
      ...hidden,
      own: (c) => jobRoute("/errors")(c, "own"),
      other: (c) => jobRoute("/errors")(c, "other"),
    },
  },
  "app/api/imports/templates/[kind]/route.ts": {
    GET: {
      needs: perms("org:manage"),
      own: async () => (
        await settleImportJobs(),
        { url: "/api/imports/templates/ORGS", params: { kind: "ORGS" } }
      ),
      other: { none: "the same template for everyone" },
    },
  },
  "app/api/imports/exports/[kind]/route.ts": {
    GET: {
      needs: perms("org:manage"),
      own: async (c) => exportOf(c.w.orgs.own.held),
      other: async (c) => exportOf(c.w.orgs.other.held),
    },
  },
};
