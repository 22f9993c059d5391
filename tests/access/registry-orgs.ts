import { noOrgOutside, perms, token, type TActionCase, type TCtx } from "./registry-kit";
import type { TRegion } from "./world";

// Registry entries: the tree changes (features/organizations/actions.ts). Each cell that may write
// gets new grassroots unions under the region's county (正定 / 武昌), so no cell sees another's change.

async function freshUnion(c: TCtx, region: TRegion): Promise<number> {
  const parent = await c.w.db.org.findUniqueOrThrow({
    where: { id: c.w.orgs[region].below },
    select: { id: true, ancestorIds: true, depth: true },
  });
  const code = `mx${token().replace(/-/g, "").slice(0, 12)}`;
  const org = await c.w.db.org.create({
    data: {
      code,
      name: `矩阵基层工会${code}`,
      level: "GRASSROOTS",
      parentId: parent.id,
      ancestorIds: [],
      depth: parent.depth + 1,
      sortOrder: 999,
    },
    select: { id: true },
  });
  await c.w.db.org.update({ where: { id: org.id }, data: { ancestorIds: [...parent.ancestorIds, org.id] } });
  return org.id;
}

const manage = perms("org:manage");

export const ORG_ACTIONS: Record<string, TActionCase> = {
  renameOrgAction: {
    needs: manage,
    own: async (c) => ({ orgId: await freshUnion(c, "own"), name: "矩阵更名工会" }),
    other: async (c) => ({ orgId: await freshUnion(c, "other"), name: "矩阵更名工会" }),
  },
  moveOrgAction: {
    needs: manage,
    own: async (c) => ({
      orgId: await freshUnion(c, "own"),
      parentId: c.w.orgs.own.below2,
      tasks: "transfer",
    }),
    // The union outside the subtree is not found (checked before the county).
    other: async (c) => ({
      orgId: await freshUnion(c, "other"),
      parentId: c.w.orgs.other.below2,
      tasks: "transfer",
    }),
  },
  mergeOrgAction: {
    needs: manage,
    own: async (c) => ({
      orgId: await freshUnion(c, "own"),
      intoId: await freshUnion(c, "own"),
      tasks: "transfer",
    }),
    other: async (c) => ({
      orgId: await freshUnion(c, "other"),
      intoId: await freshUnion(c, "other"),
      tasks: "transfer",
    }),
  },
  closeOrgAction: {
    needs: manage,
    own: async (c) => ({ orgId: await freshUnion(c, "own"), reason: "矩阵撤销", tasks: "cancel" }),
    other: async (c) => ({ orgId: await freshUnion(c, "other"), reason: "矩阵撤销", tasks: "cancel" }),
  },
  searchOrgChangeTargetsAction: {
    needs: manage,
    own: async (c) => ({ orgId: c.w.orgs.own.below, level: "COUNTY", q: "正定" }),
    other: async (c) => ({ orgId: c.w.orgs.own.below, level: "COUNTY", q: "武" }),
    otherEmpty: noOrgOutside,
  },
  previewOrgChangeAction: {
    needs: manage,
    own: async (c) => ({ orgId: await freshUnion(c, "own") }),
    other: async (c) => ({ orgId: await freshUnion(c, "other") }),
  },
};
