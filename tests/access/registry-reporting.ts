import { perms, token, type TActionCase, type TCtx } from "./registry-kit";

// Registry entries of features/reporting/actions.ts (定期报送 rules): on a measure of a plan issued
// in the region (石家庄, own; 武汉, other), on a 下达 batch of the region's org, made directly per cell.

type TRegion = "own" | "other";

/** A published plan issued in the region with one measure; returns the measure's id. */
async function measure(c: TCtx, region: TRegion): Promise<number> {
  const code = `MR${token().replace(/-/g, "").slice(0, 8).toUpperCase()}`;
  const p = await c.w.db.plan.create({
    data: {
      codePrefix: code,
      title: "矩阵报送计划",
      kind: "OTHER",
      periodStart: new Date("2027-01-01T00:00:00Z"),
      periodEnd: new Date("2027-12-31T00:00:00Z"),
      issuingOrgId: c.w.orgs[region].held,
    },
  });
  let parentId: number | null = null;
  for (const [i, level] of (["PLAN", "MAIN_TASK", "SUB_ITEM", "MEASURE"] as const).entries()) {
    const o: { id: number } = await c.w.db.objective.create({
      data: {
        code: [code, 1, 1, 1].slice(0, i + 1).join("."),
        level,
        planId: p.id,
        parentId,
        title: level,
        sourceText: "",
        sortOrder: 1,
      },
      select: { id: true },
    });
    parentId = o.id;
  }
  return parentId!;
}

/** A 下达 batch of the region's org. */
async function batch(c: TCtx, region: TRegion): Promise<number> {
  const b = await c.w.db.assignmentBatch.create({
    data: {
      createdById: c.me.id,
      assignerOrgId: c.w.orgs[region].held,
      clientToken: token(),
      measureCount: 0,
      targetCount: 0,
      taskCount: 0,
      skippedCount: 0,
    },
    select: { id: true },
  });
  return b.id;
}

const rule = { frequency: "MONTHLY", dueDay: 25, startDate: "2027-01-01", endDate: "2027-12-31" };

/** A live rule on a measure of the region, set by the region's org. */
async function measureRule(c: TCtx, region: TRegion): Promise<number> {
  const r = await c.w.db.reportingRule.create({
    data: {
      objectiveId: await measure(c, region),
      orgId: c.w.orgs[region].held,
      frequency: "MONTHLY",
      dueDay: 25,
      startDate: new Date("2027-01-01T00:00:00Z"),
      endDate: new Date("2027-12-31T00:00:00Z"),
      createdById: c.me.id,
    },
    select: { id: true },
  });
  return r.id;
}

export const REPORTING_ACTIONS: Record<string, TActionCase> = {
  createReportingRuleAction: {
    needs: perms("plan:manage"),
    own: async (c) => ({ target: { objectiveId: await measure(c, "own") }, rule }),
    other: async (c) => ({ target: { objectiveId: await measure(c, "other") }, rule }),
  },
  createBatchReportingRuleAction: {
    needs: perms("task:assign"),
    own: async (c) => ({ target: { batchId: await batch(c, "own") }, rule }),
    other: async (c) => ({ target: { batchId: await batch(c, "other") }, rule }),
  },
  retireReportingRuleAction: {
    needs: perms("plan:manage"),
    own: async (c) => ({ ruleId: await measureRule(c, "own") }),
    other: async (c) => ({ ruleId: await measureRule(c, "other") }),
    // The rule is on a plan: a caller with task:assign but not plan:manage does not find it.
    deniedAs: ["NOT_FOUND"],
  },
};
