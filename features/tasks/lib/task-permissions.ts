import type { TPermission } from "@/lib/auth/permissions";
import { canApply, type TTaskAction, type TTaskStatus } from "./state-machine";

// Who may do what to a task, from the actor's relation to it. Pure: the server
// calls it on every mutation, the UI calls it only to decide which buttons to show.
export type TTaskActor = { id: number; orgId: number; permissions: ReadonlySet<TPermission> };
export type TTaskRelations = {
  status: TTaskStatus;
  orgId: number;
  /** ancestorIds of the review (assigning) org, itself included. */
  reviewOrgPath: readonly number[];
  responsibleId: number | null;
  helperIds: readonly number[];
};

export type TRelation = "holder" | "reviewer" | "worker";

export function relationsOf(actor: TTaskActor, task: TTaskRelations): Set<TRelation> {
  const rel = new Set<TRelation>();
  if (actor.orgId === task.orgId) rel.add("holder");
  else if (task.reviewOrgPath.includes(actor.orgId)) rel.add("reviewer");
  if (task.responsibleId === actor.id || task.helperIds.includes(actor.id)) rel.add("worker");
  return rel;
}

type TRule = { relation: TRelation; permission: TPermission };
const HOLDER = (permission: TPermission): TRule => ({ relation: "holder", permission });
const REVIEWER = (permission: TPermission): TRule => ({ relation: "reviewer", permission });

/** Any one rule suffices. `comment` is open to everyone who can read the task and holds objective:read. */
const RULES: Record<Exclude<TTaskAction, "comment">, readonly TRule[]> = {
  sign: [HOLDER("task:handle")],
  handBack: [HOLDER("task:handle")],
  submit: [HOLDER("task:handle")],
  withdraw: [HOLDER("task:handle")],
  requestExtension: [HOLDER("task:handle")],
  assignStaff: [HOLDER("task:staff")],
  cascade: [HOLDER("task:assign")],
  // Whoever passed the task down nudges what it passed down.
  nudgeChildren: [HOLDER("task:assign")],
  // Staff log only what they are assigned to; the chair (task:staff) may log for the org.
  logProgress: [{ relation: "worker", permission: "progress:log" }, HOLDER("task:staff")],
  approve: [REVIEWER("task:review")],
  return: [REVIEWER("task:review")],
  decideExtension: [REVIEWER("task:review")],
  reassign: [REVIEWER("task:assign")],
  transfer: [REVIEWER("task:assign")],
  cancel: [REVIEWER("task:assign")],
  nudge: [REVIEWER("task:assign")],
};

/** True when the actor's relation and permissions allow the action (status not considered). */
export function mayAct(actor: TTaskActor, task: TTaskRelations, action: TTaskAction): boolean {
  // No relation needed, only the business read permission: the administrators (三员分立) hold none.
  if (action === "comment") return actor.permissions.has("objective:read");
  const rel = relationsOf(actor, task);
  return RULES[action].some((r) => rel.has(r.relation) && actor.permissions.has(r.permission));
}

/** The actions the actor may take on the task right now (relation, permission and status). */
export function availableActions(actor: TTaskActor, task: TTaskRelations): TTaskAction[] {
  const all = Object.keys(RULES) as Exclude<TTaskAction, "comment">[];
  const comment: TTaskAction[] = mayAct(actor, task, "comment") ? ["comment"] : [];
  return [...all.filter((a) => canApply(task.status, a) && mayAct(actor, task, a)), ...comment];
}
