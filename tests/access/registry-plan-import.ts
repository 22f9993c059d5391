import { createDraft } from "@/features/plan-import/server/create-draft";
import type { TPermission } from "@/lib/auth/permissions";
import { WORK_POINTS_TEXT } from "../fixtures/work-points";
import { workPointsDocx } from "../fixtures/work-points-docx";
import type { TRouteRequest } from "./call";
import { perms, token, type TActionCase, type TCtx, type THttpMethod, type TRouteCase } from "./registry-kit";

// Registry entries: plan import (features/plan-import/actions.ts, app/api/plans/import) and plan
// editing (features/plan-edit/actions.ts). Targets: drafts and plans issued by the callers' org
// (石家庄, own) or by 武汉 (other), made directly for each cell.

type TRegion = "own" | "other";
const issuer = (c: TCtx, region: TRegion) => c.w.orgs[region].held;
const prefix = () => `MX${token().replace(/-/g, "").slice(0, 8).toUpperCase()}`;

/** A new open draft issued in the region (parsed from the 工作要点 text), publishable when `ready`. */
async function draft(c: TCtx, region: TRegion, ready = false) {
  const actor = { id: c.me.id, orgId: issuer(c, region), permissions: new Set<TPermission>(["plan:manage"]) };
  const { draftId } = await createDraft(actor, { text: WORK_POINTS_TEXT });
  if (ready) await c.w.db.planDraft.update({ where: { id: draftId }, data: { codePrefix: prefix() } });
  return { draftId, version: 1 };
}

const TREE = {
  sourceText: "",
  nodes: [
    {
      id: "n1",
      title: "主要任务",
      sourceText: "",
      children: [
        {
          id: "n2",
          title: "分项",
          sourceText: "",
          children: [{ id: "n3", title: "措施", sourceText: "", children: [] }],
        },
      ],
    },
  ],
};
const meta = (c: TCtx) => ({
  title: "矩阵计划",
  kind: "WORK_POINTS",
  codePrefix: "",
  periodStart: "2027-01-01",
  periodEnd: "2027-12-31",
  issuingOrgId: issuer(c, "own"),
});

/** A published plan issued in the region: plan → main task → sub-item → measure (no tasks). */
async function plan(c: TCtx, region: TRegion) {
  const code = prefix();
  const p = await c.w.db.plan.create({
    data: {
      codePrefix: code,
      title: "矩阵计划",
      kind: "OTHER",
      periodStart: new Date("2027-01-01T00:00:00Z"),
      periodEnd: new Date("2027-12-31T00:00:00Z"),
      issuingOrgId: issuer(c, region),
    },
  });
  let parentId: number | null = null;
  const ids: number[] = [];
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
    ids.push(o.id);
    parentId = o.id;
  }
  return { subItemId: ids[2]!, measureId: ids[3]! };
}

export const PLAN_IMPORT_ACTIONS: Record<string, TActionCase> = {
  planImportTextAction: {
    needs: perms("plan:manage"),
    own: async () => ({ text: WORK_POINTS_TEXT }),
    // An issuing org outside the caller's subtree is a validation error; nothing is written.
    other: async (c) => ({ text: WORK_POINTS_TEXT, issuingOrgId: issuer(c, "other") }),
    otherAlso: ["VALIDATION"],
  },
  planImportSaveDraftAction: {
    needs: perms("plan:manage"),
    own: async (c) => ({ ...(await draft(c, "own")), meta: meta(c), tree: TREE }),
    other: async (c) => ({ ...(await draft(c, "other")), meta: meta(c), tree: TREE }),
  },
  planImportPublishAction: {
    needs: perms("plan:manage"),
    own: async (c) => draft(c, "own", true),
    other: async (c) => draft(c, "other", true),
  },
  planImportDiscardAction: {
    needs: perms("plan:manage"),
    own: async (c) => ({ draftId: (await draft(c, "own")).draftId }),
    other: async (c) => ({ draftId: (await draft(c, "other")).draftId }),
  },
};

export const PLAN_EDIT_ACTIONS: Record<string, TActionCase> = {
  planEditAddMeasureAction: {
    needs: perms("plan:manage"),
    own: async (c) => ({ parentId: (await plan(c, "own")).subItemId, title: "新措施" }),
    other: async (c) => ({ parentId: (await plan(c, "other")).subItemId, title: "新措施" }),
  },
  planEditRenameAction: {
    needs: perms("plan:manage"),
    own: async (c) => ({ objectiveId: (await plan(c, "own")).measureId, title: "改名" }),
    other: async (c) => ({ objectiveId: (await plan(c, "other")).measureId, title: "改名" }),
  },
  planEditRetireAction: {
    needs: perms("plan:manage"),
    own: async (c) => ({ objectiveId: (await plan(c, "own")).measureId }),
    other: async (c) => ({ objectiveId: (await plan(c, "other")).measureId }),
  },
};

const upload = async (query = ""): Promise<TRouteRequest> => {
  const body = new FormData();
  body.set("file", new File([new Uint8Array(await workPointsDocx())], "要点.docx"));
  return { url: `/api/plans/import${query}`, params: {}, init: { body } };
};

export const PLAN_ROUTES: Record<string, Partial<Record<THttpMethod, TRouteCase>>> = {
  "app/api/plans/import/route.ts": {
    POST: {
      needs: perms("plan:manage"),
      own: async () => upload(),
      other: async (c) => upload(`?issuingOrgId=${issuer(c, "other")}`),
      otherAlso: ["VALIDATION"],
    },
  },
};
