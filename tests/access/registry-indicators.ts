import ExcelJS from "exceljs";
import { perms, token, type TActionCase, type TCtx } from "./registry-kit";

// Registry entries of features/indicators/actions.ts: indicator definitions on a plan issued in the
// region (石家庄, own; 武汉, other), made directly for each cell, and the 下达 form's recipients.

type TRegion = "own" | "other";

/** A published plan issued in the region with one measure (plan → main task → sub-item → measure). */
async function measure(c: TCtx, region: TRegion): Promise<number> {
  const code = `MI${token().replace(/-/g, "").slice(0, 8).toUpperCase()}`;
  const p = await c.w.db.plan.create({
    data: {
      codePrefix: code,
      title: "矩阵指标计划",
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

/** A live indicator of a new measure in the region. */
async function indicator(c: TCtx, region: TRegion): Promise<number> {
  const row = await c.w.db.indicator.create({
    data: { objectiveId: await measure(c, region), name: "新建工会数", unit: "家" },
    select: { id: true },
  });
  return row.id;
}

const fields = { name: "发展会员数", unit: "人", aggregation: "SUM", direction: "HIGHER" };

/** A 目标分解表 as the form uploads it. */
async function sheet(): Promise<FormData> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("目标");
  ws.addRow(["工会代码", "目标值"]);
  ws.addRow(["130123", 10]);
  const f = new FormData();
  f.set("file", new File([new Uint8Array(await wb.xlsx.writeBuffer())], "目标.xlsx"));
  return f;
}

export const INDICATOR_ACTIONS: Record<string, TActionCase> = {
  addIndicatorAction: {
    needs: perms("plan:manage"),
    own: async (c) => ({ objectiveId: await measure(c, "own"), ...fields }),
    other: async (c) => ({ objectiveId: await measure(c, "other"), ...fields }),
  },
  updateIndicatorAction: {
    needs: perms("plan:manage"),
    own: async (c) => ({ indicatorId: await indicator(c, "own"), ...fields }),
    other: async (c) => ({ indicatorId: await indicator(c, "other"), ...fields }),
  },
  retireIndicatorAction: {
    needs: perms("plan:manage"),
    own: async (c) => ({ indicatorId: await indicator(c, "own") }),
    other: async (c) => ({ indicatorId: await indicator(c, "other") }),
  },
  indicatorRecipientsAction: {
    needs: perms("task:assign"),
    own: async (c) => ({ target: { mode: "orgs", orgIds: [c.w.orgs.own.below] } }),
    // An org outside the assigner's subtree is a validation error (the 下达 rule); nothing is listed.
    other: async (c) => ({ target: { mode: "orgs", orgIds: [c.w.orgs.other.below] } }),
    otherAlso: ["VALIDATION"],
  },
  readTargetSheetAction: {
    needs: perms("task:assign"),
    own: async () => sheet(),
    other: { none: "reads the caller's own upload; nothing is read from or written to the database" },
  },
};
