import { perms, type TCtx, type TRouteCase } from "./registry-kit";

// The outputs of a published 考评 result (features/assessment/server/result-output.ts): a result of a
// scheme of the caller's org (石家庄, own) or of 武汉 (other), scoring one unit below it, made directly
// per cell. Another region's manager finds nothing (findVisibleResult).

async function result(c: TCtx, region: "own" | "other"): Promise<number> {
  const scheme = await c.w.db.assessmentScheme.create({
    data: {
      orgId: c.w.orgs[region].held,
      year: 2027,
      title: "矩阵考评结果",
      scope: "DIRECT",
      rules: { base: 60, rules: [], bands: { EXCELLENT: 90, GOOD: 80, PASS: 60 }, vetoGrade: "FAIL" },
      status: "PUBLISHED",
      publishedAt: new Date(),
      createdById: c.me.id,
    },
    select: { id: true },
  });
  const r = await c.w.db.assessmentResult.create({
    data: { schemeId: scheme.id, asOf: new Date(), objectionDeadline: new Date(), publishedById: c.me.id },
    select: { id: true },
  });
  await c.w.db.assessmentScore.create({
    data: {
      resultId: r.id,
      orgId: c.w.orgs[region].below,
      total: 60,
      grade: "PASS",
      rank: 1,
      vetoed: false,
      lines: [],
    },
  });
  return r.id;
}

const exportOf = (id: number) => ({
  url: `/api/assessment/results/${id}/export`,
  params: { resultId: String(id) },
});

export const ASSESSMENT_OUTPUT_ROUTES: Record<string, Partial<Record<"GET", TRouteCase>>> = {
  "app/api/assessment/results/[resultId]/export/route.ts": {
    GET: {
      needs: perms("assessment:manage"),
      own: async (c) => exportOf(await result(c, "own")),
      other: async (c) => exportOf(await result(c, "other")),
    },
  },
};
