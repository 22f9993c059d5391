import { perms, type TActionCase, type TCtx } from "./registry-kit";

// Registry entries of features/assessment/actions-schemes.ts (考评方案): each aims at a scheme of
// the caller's own org (石家庄, own) or of 武汉 (other), made directly per cell. Only the scheme's
// own org runs it: another region's manager finds nothing.

type TRegion = "own" | "other";

const rules = {
  base: 60,
  rules: [{ id: "overdue", kind: "OVERDUE", points: 2 }],
  bands: { EXCELLENT: 90, GOOD: 80, PASS: 60 },
  vetoGrade: "FAIL",
};
const fields = { title: "矩阵考评方案", year: 2027, scope: "DIRECT", level: "", planId: "", rules };

async function scheme(c: TCtx, region: TRegion, status: "DRAFT" | "PUBLISHED"): Promise<number> {
  const s = await c.w.db.assessmentScheme.create({
    data: {
      orgId: c.w.orgs[region].held,
      year: 2027,
      title: "矩阵考评方案",
      scope: "DIRECT",
      rules,
      status,
      publishedAt: status === "PUBLISHED" ? new Date() : null,
      createdById: c.me.id,
    },
    select: { id: true },
  });
  return s.id;
}

const ref = (status: "DRAFT" | "PUBLISHED") => ({
  own: async (c: TCtx) => ({ schemeId: await scheme(c, "own", status) }),
  other: async (c: TCtx) => ({ schemeId: await scheme(c, "other", status) }),
});

export const ASSESSMENT_SCHEME_ACTIONS: Record<string, TActionCase> = {
  createSchemeAction: {
    needs: perms("assessment:manage"),
    own: async () => fields,
    other: { none: "creates a scheme of the caller's own org" },
  },
  updateSchemeDraftAction: {
    needs: perms("assessment:manage"),
    own: async (c) => ({ ...fields, schemeId: await scheme(c, "own", "DRAFT") }),
    other: async (c) => ({ ...fields, schemeId: await scheme(c, "other", "DRAFT") }),
  },
  publishSchemeAction: { needs: perms("assessment:manage"), ...ref("DRAFT") },
  newSchemeVersionAction: { needs: perms("assessment:manage"), ...ref("PUBLISHED") },
  deleteSchemeDraftAction: { needs: perms("assessment:manage"), ...ref("DRAFT") },
};
