import "server-only";
import { orgScopeWhere } from "@/lib/auth/scope";
import { getDb } from "@/lib/db/client";
import { formatDay } from "@/lib/dates";
import type { TDraftTree } from "../lib/draft-tree";
import type { TDraftMeta } from "../schemas";
import { draftWhere, requirePlanManage, type TPlanActor } from "./draft-scope";

export type TDraftView = {
  id: number;
  version: number;
  sourceName: string | null;
  meta: TDraftMeta & { issuingOrgId: number };
  issuingOrgName: string;
  tree: TDraftTree;
  updatedAt: Date;
};

const dayOrEmpty = (d: Date | null) => (d ? formatDay(d) : "");

/** An open draft in the actor's scope, or null (the page answers 404). */
export async function getDraft(actor: TPlanActor, draftId: number): Promise<TDraftView | null> {
  requirePlanManage(actor);
  const d = await getDb().planDraft.findFirst({
    where: draftWhere(actor, draftId),
    include: { issuingOrg: { select: { name: true } } },
  });
  if (!d) return null;
  return {
    id: d.id,
    version: d.version,
    sourceName: d.sourceName,
    meta: {
      title: d.title,
      kind: d.kind,
      codePrefix: d.codePrefix,
      periodStart: dayOrEmpty(d.periodStart),
      periodEnd: dayOrEmpty(d.periodEnd),
      issuingOrgId: d.issuingOrgId,
    },
    issuingOrgName: d.issuingOrg.name,
    tree: d.tree as unknown as TDraftTree,
    updatedAt: d.updatedAt,
  };
}

/** The open drafts of the actor's subtree, newest first (the import page lists them). */
export async function listDrafts(actor: TPlanActor) {
  requirePlanManage(actor);
  return getDb().planDraft.findMany({
    where: { status: "DRAFT", issuingOrg: orgScopeWhere(actor) },
    orderBy: { updatedAt: "desc" },
    take: 20,
    select: { id: true, title: true, updatedAt: true, issuingOrg: { select: { name: true } } },
  });
}

/** Orgs a plan may be issued by: the actor's own and its subtree's federations (not grassroots). */
export async function listIssuers(actor: TPlanActor) {
  return getDb().org.findMany({
    where: {
      ...orgScopeWhere(actor),
      closedAt: null,
      level: { not: "GRASSROOTS" },
      depth: { lte: (await ownDepth(actor)) + 1 },
    },
    orderBy: [{ depth: "asc" }, { code: "asc" }],
    take: 200,
    select: { id: true, name: true },
  });
}

async function ownDepth(actor: TPlanActor): Promise<number> {
  const o = await getDb().org.findUniqueOrThrow({ where: { id: actor.orgId }, select: { depth: true } });
  return o.depth;
}
