import { day } from "./world";
import { perms, type TActionCase, type TCtx } from "./registry-kit";

// Registry entries of features/assessment/actions-results.ts (考评 items, results, 申诉). The caller
// sits in 石家庄: it runs its own schemes (scoring 正定, the org below it) and is a unit scored by
// 河北's; the other region's counterparts are 武汉's scheme (scoring 武昌) and 湖北's (scoring 武汉).
// Every target is made directly per cell.

type TRegion = "own" | "other";

const rules = {
  base: 60,
  rules: [{ id: "overdue", kind: "OVERDUE", points: 2 }],
  bands: { EXCELLENT: 90, GOOD: 80, PASS: 60 },
  vetoGrade: "FAIL",
};
const lines = [{ key: "overdue", kind: "OVERDUE", count: 1, points: -2 }];

/** A PUBLISHED DIRECT scheme of an org. */
async function scheme(c: TCtx, orgId: number): Promise<number> {
  const s = await c.w.db.assessmentScheme.create({
    data: {
      orgId,
      year: 2027,
      title: "矩阵考评方案",
      scope: "DIRECT",
      rules,
      status: "PUBLISHED",
      publishedAt: new Date(),
      createdById: c.me.id,
    },
    select: { id: true },
  });
  return s.id;
}

/** A published result of `runner`'s scheme scoring `unit` (deadline in a week). */
async function result(c: TCtx, runner: number, unit: number): Promise<number> {
  const r = await c.w.db.assessmentResult.create({
    data: {
      schemeId: await scheme(c, runner),
      asOf: new Date(`${day(0)}T00:00:00Z`),
      objectionDeadline: new Date(`${day(7)}T00:00:00Z`),
      publishedById: c.me.id,
    },
    select: { id: true },
  });
  await c.w.db.assessmentScore.create({
    data: { resultId: r.id, orgId: unit, total: 58, grade: "FAIL", rank: 1, vetoed: false, lines },
  });
  return r.id;
}

const held = (c: TCtx, region: TRegion) => c.w.orgs[region].held;
const below = (c: TCtx, region: TRegion) => c.w.orgs[region].below;
const parent = (c: TCtx, region: TRegion) => c.w.orgs[region].parent;

const both = <I>(f: (c: TCtx, region: TRegion) => Promise<I>) => ({
  own: (c: TCtx) => f(c, "own"),
  other: (c: TCtx) => f(c, "other"),
});

export const ASSESSMENT_RESULT_ACTIONS: Record<string, TActionCase> = {
  addAssessmentItemAction: {
    needs: perms("assessment:manage"),
    ...both(async (c, r) => ({
      seriesId: await scheme(c, held(c, r)),
      orgId: below(c, r),
      kind: "BONUS",
      points: 1,
      reason: "矩阵加分",
    })),
  },
  withdrawAssessmentItemAction: {
    needs: perms("assessment:manage"),
    ...both(async (c, r) => {
      const seriesId = await scheme(c, held(c, r));
      const it = await c.w.db.assessmentItem.create({
        data: {
          seriesId,
          orgId: below(c, r),
          kind: "BONUS",
          points: 1,
          reason: "矩阵加分",
          day: new Date(`${day(0)}T00:00:00Z`),
          createdById: c.me.id,
        },
        select: { id: true },
      });
      return { itemId: it.id };
    }),
  },
  publishAssessmentResultAction: {
    needs: perms("assessment:manage"),
    ...both(async (c, r) => ({ schemeId: await scheme(c, held(c, r)), objectionDeadline: day(3) })),
  },
  // The caller's org is the unit scored (own); 湖北's result scores 武汉 (other).
  raiseObjectionAction: {
    needs: perms("assessment:manage"),
    ...both(async (c, r) => ({
      resultId: await result(c, parent(c, r), held(c, r)),
      lineKey: "overdue",
      reason: "矩阵申诉",
    })),
  },
  // The caller's org ran the scheme (own); 武汉's result (other).
  decideObjectionAction: {
    needs: perms("assessment:manage"),
    ...both(async (c, r) => {
      const resultId = await result(c, held(c, r), below(c, r));
      const o = await c.w.db.assessmentObjection.create({
        data: { resultId, orgId: below(c, r), lineKey: "overdue", reason: "矩阵申诉", createdById: c.me.id },
        select: { id: true },
      });
      return { objectionId: o.id, decision: "REJECT", note: "矩阵驳回" };
    }),
  },
};
