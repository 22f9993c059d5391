import "server-only";
import { getDb } from "@/lib/db/client";
import { OPEN_STATUSES } from "@/lib/task-status";
import type { TPlanActor } from "@/features/plan-import/server/draft-scope";
import { editablePlanWhere } from "./plan-scope";

export type TEditNode = {
  id: number;
  code: string;
  level: "PLAN" | "MAIN_TASK" | "SUB_ITEM" | "MEASURE";
  title: string;
  sourceText: string;
  retired: boolean;
  openTasks: number;
  children: TEditNode[];
};

export type THistoryRow = {
  id: number;
  at: Date;
  action: string;
  code: string | null;
  changes: Record<string, [unknown, unknown]> | null;
  note: string | null;
  actorName: string | null;
};

/** A plan the actor may edit, as a tree with open task counts per measure, and its history (newest first). */
export async function getPlanForEdit(actor: TPlanActor, planId: number) {
  if (!actor.permissions.has("plan:manage")) return null;
  const db = getDb();
  const plan = await db.plan.findFirst({
    where: { id: planId, ...editablePlanWhere(actor) },
    include: { issuingOrg: { select: { name: true } } },
  });
  if (!plan) return null;
  const rows = await db.objective.findMany({
    where: { planId },
    orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
    select: {
      id: true,
      code: true,
      level: true,
      title: true,
      sourceText: true,
      retiredAt: true,
      parentId: true,
    },
  });
  const counts = await db.task.groupBy({
    by: ["objectiveId"],
    where: { objective: { planId }, status: { in: [...OPEN_STATUSES] } },
    _count: { _all: true },
  });
  const open = new Map(counts.map((c) => [c.objectiveId, c._count._all]));
  const nodes = new Map<number, TEditNode>();
  for (const r of rows)
    nodes.set(r.id, {
      id: r.id,
      code: r.code,
      level: r.level,
      title: r.title,
      sourceText: r.sourceText,
      retired: r.retiredAt !== null,
      openTasks: open.get(r.id) ?? 0,
      children: [],
    });
  let root: TEditNode | undefined;
  for (const r of rows) {
    const n = nodes.get(r.id)!;
    const parent = r.parentId === null ? undefined : nodes.get(r.parentId);
    if (parent) parent.children.push(n);
    else if (r.level === "PLAN") root = n;
  }
  const codes = new Map(rows.map((r) => [r.id, r.code]));
  const logs = await db.changeLog.findMany({
    where: {
      OR: [
        { entity: "PLAN", entityId: planId },
        { entity: "OBJECTIVE", entityId: { in: rows.map((r) => r.id) } },
      ],
    },
    orderBy: { id: "desc" },
    take: 100,
  });
  const actorIds = [...new Set(logs.map((l) => l.actorId).filter((a): a is number => a !== null))];
  const actors = new Map(
    (await db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } })).map(
      (u) => [u.id, u.name],
    ),
  );
  const history: THistoryRow[] = logs.map((l) => ({
    id: l.id,
    at: l.createdAt,
    action: l.action,
    code: l.entity === "PLAN" ? plan.codePrefix : (codes.get(l.entityId) ?? null),
    changes: (l.changes as THistoryRow["changes"]) ?? null,
    note: l.note,
    actorName: l.actorId === null ? null : (actors.get(l.actorId) ?? null),
  }));
  return { plan: { ...plan, issuingOrgName: plan.issuingOrg.name }, root, history };
}
