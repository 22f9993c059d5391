import { settleImportJobs } from "@/features/imports/server/runner";
import type { TRouteRequest } from "./call";
import { perms, type TActionCase, type TCtx, type THttpMethod, type TRouteCase } from "./registry-kit";
import type { TImportKind } from "@/features/imports/lib/spec";
import type { TRegion } from "./world";

// Registry entries of the import pipeline (features/imports): its actions and route handlers. A job
// is aimed at by the org it was uploaded in: the callers' 石家庄 (own) or 武汉 (other). Uploads and
// commits go on in the background: every input builder first waits for them, so that the matrix's
// "nothing written" fingerprint of the next call does not see them. Each entry has a variant for the
// people import (kind=USERS), which needs user:manage instead of org:manage.

async function job(c: TCtx, region: TRegion, kind: TImportKind = "ORGS"): Promise<number> {
  await settleImportJobs();
  const created = await c.w.db.importJob.create({
    data: {
      kind,
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
  (suffix: string, kind: TImportKind = "ORGS") =>
  async (c: TCtx, region: TRegion): Promise<TRouteRequest> => {
    const id = await job(c, region, kind);
    return { url: `/api/imports/${id}${suffix}`, params: { id: String(id) } };
  };

const exportOf = async (org: number): Promise<TRouteRequest> => {
  await settleImportJobs();
  return { url: `/api/imports/exports/ORGS?org=${org}`, params: { kind: "ORGS" } };
};

const csv = (header = "工会名称,工会代码") => {
  const body = new FormData();
  body.set("file", new File([`${header}\n`], "import.csv", { type: "text/csv" }));
  return body;
};

// Jobs of a kind the caller may not import are not found, like jobs outside the subtree.
const hidden = { needs: perms("org:manage"), deniedAs: ["NOT_FOUND"] } as const;
const hiddenPeople = { needs: perms("user:manage"), deniedAs: ["NOT_FOUND"] } as const;

/** The cases of an action on a job, for ORGS and (as a variant) for USERS. */
const onJob = (): TActionCase => ({
  ...hidden,
  own: async (c) => ({ id: await job(c, "own") }),
  other: async (c) => ({ id: await job(c, "other") }),
  variants: {
    "kind=USERS": {
      ...hiddenPeople,
      own: async (c) => ({ id: await job(c, "own", "USERS") }),
      other: async (c) => ({ id: await job(c, "other", "USERS") }),
    },
  },
});

/** The cases of a job route (`suffix` after /api/imports/<id>), for ORGS and for USERS. */
const jobRouteCase = (suffix: string): TRouteCase => ({
  ...hidden,
  own: (c) => jobRoute(suffix)(c, "own"),
  other: (c) => jobRoute(suffix)(c, "other"),
  variants: {
    "kind=USERS": {
      ...hiddenPeople,
      own: (c) => jobRoute(suffix, "USERS")(c, "own"),
      other: (c) => jobRoute(suffix, "USERS")(c, "other"),
    },
  },
});

const template = (kind: TImportKind) => async (): Promise<TRouteRequest> => {
  await settleImportJobs();
  return { url: `/api/imports/templates/${kind}`, params: { kind } };
};

export const IMPORT_ACTIONS: Record<string, TActionCase> = {
  confirmImportAction: onJob(),
  cancelImportAction: onJob(),
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
      variants: {
        "kind=USERS": {
          needs: perms("user:manage"),
          own: async () => (
            await settleImportJobs(),
            { url: "/api/imports?kind=USERS", params: {}, init: { body: csv("姓名,用户名") } }
          ),
          other: { none: "a job is always created in the uploader's own org" },
        },
      },
    },
  },
  "app/api/imports/[id]/route.ts": { GET: jobRouteCase("") },
  "app/api/imports/[id]/errors/route.ts": { GET: jobRouteCase("/errors") },
  "app/api/imports/templates/[kind]/route.ts": {
    GET: {
      needs: perms("org:manage"),
      own: template("ORGS"),
      other: { none: "the same template for everyone" },
      variants: {
        "kind=USERS": {
          needs: perms("user:manage"),
          own: template("USERS"),
          other: { none: "the same template for everyone" },
        },
      },
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
