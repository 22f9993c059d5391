import type { TRouteRequest } from "./call";
import { perms, type TCtx, type TRouteCase } from "./registry-kit";

// 考评 item evidence (app/api/assessment/evidence/**): a PUBLISHED scheme of the caller's org (石家庄,
// own) or of 武汉 (other), an item on the org below it, its evidence stored for real. Another
// region's manager can neither upload for its scheme nor download its evidence (NOT_FOUND).

type TRegion = "own" | "other";

async function scheme(c: TCtx, region: TRegion): Promise<number> {
  const s = await c.w.db.assessmentScheme.create({
    data: {
      orgId: c.w.orgs[region].held,
      year: 2027,
      title: "矩阵考评证据",
      scope: "DIRECT",
      rules: { base: 60, rules: [], bands: { EXCELLENT: 90, GOOD: 80, PASS: 60 }, vetoGrade: "FAIL" },
      status: "PUBLISHED",
      publishedAt: new Date(),
      createdById: c.me.id,
    },
    select: { id: true },
  });
  return s.id;
}

const PDF = Buffer.from("%PDF-1.4\n% 考评证据\n%%EOF\n");

async function evidence(c: TCtx, region: TRegion): Promise<TRouteRequest> {
  const seriesId = await scheme(c, region);
  const item = await c.w.db.assessmentItem.create({
    data: {
      seriesId,
      orgId: c.w.orgs[region].below,
      kind: "BONUS",
      points: 1,
      reason: "矩阵证据",
      day: new Date(),
      createdById: c.me.id,
    },
    select: { id: true },
  });
  const { saveFile } = await import("@/features/evidence/server/storage");
  const stored = await saveFile(PDF);
  const e = await c.w.db.assessmentEvidence.create({
    data: {
      seriesId,
      itemId: item.id,
      uploaderId: c.me.id,
      fileName: "证明.pdf",
      mime: "application/pdf",
      kind: "PDF",
      ...stored,
    },
    select: { id: true },
  });
  return { url: `/api/assessment/evidence/${e.id}`, params: { id: String(e.id) } };
}

async function upload(c: TCtx, region: TRegion): Promise<TRouteRequest> {
  const body = new FormData();
  body.set("file", new File([new Uint8Array(PDF)], "证明.pdf", { type: "application/pdf" }));
  return { url: `/api/assessment/evidence?scheme=${await scheme(c, region)}`, params: {}, init: { body } };
}

export const ASSESSMENT_EVIDENCE_ROUTES: Record<string, Partial<Record<"GET" | "POST", TRouteCase>>> = {
  "app/api/assessment/evidence/route.ts": {
    POST: {
      needs: perms("assessment:manage"),
      own: (c) => upload(c, "own"),
      other: (c) => upload(c, "other"),
    },
  },
  "app/api/assessment/evidence/[id]/route.ts": {
    GET: {
      needs: perms("assessment:manage"),
      own: (c) => evidence(c, "own"),
      other: (c) => evidence(c, "other"),
    },
  },
};
