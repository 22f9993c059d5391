import "server-only";
import { taskScopeWhere } from "@/lib/auth/scope";
import { getDb } from "@/lib/db/client";
import type { TTaskActor } from "@/features/tasks/lib/task-permissions";

/** An attachment whose task lies in the user's subtree, or null (the same answer for "missing"). */
export async function findAttachmentForUser(actor: TTaskActor, id: number) {
  // Evidence is business data: the administrators (三员分立) hold no objective:read.
  if (!actor.permissions.has("objective:read")) return null;
  return getDb().attachment.findFirst({
    where: { id, task: taskScopeWhere(actor) },
    select: {
      id: true,
      taskId: true,
      fileName: true,
      mime: true,
      kind: true,
      storageKey: true,
      hasThumbnail: true,
    },
  });
}
