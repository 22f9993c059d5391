import "server-only";
import { getDb } from "@/lib/db/client";
import type { TTaskActor } from "../lib/task-permissions";
import type { TCountTargets } from "../schemas";
import { loadTaskForAction } from "./load-task";
import { countTargets } from "./resolve-targets";

/**
 * How many orgs the 下达 form's current target choice reaches, shown before sending and asked to
 * be confirmed above a threshold. The assigning org is the user's, or for 分解 the org holding the
 * task (which the user must be allowed to pass down: outside the scope it is NOT_FOUND).
 */
export async function countTargetOrgs(actor: TTaskActor, input: TCountTargets): Promise<{ orgs: number }> {
  const db = getDb();
  const root = input.parentTaskId
    ? (await loadTaskForAction(db, actor, { taskId: input.parentTaskId, action: "cascade" })).orgId
    : actor.orgId;
  return { orgs: await countTargets(db, root, input.target) };
}
