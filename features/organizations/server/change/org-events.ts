import "server-only";
import type { TTx } from "@/lib/db/client";
import type { TOrgEventType } from "./relocate-tasks";

/** The timeline entry of a tree change on tasks that stay where they are (e.g. cancelled with a closing union). */
export async function recordOrgEvents(
  tx: TTx,
  a: {
    taskIds: number[];
    actorId: number;
    type: TOrgEventType;
    changes: Record<string, [unknown, unknown]>;
    message?: string | null;
  },
): Promise<void> {
  if (a.taskIds.length === 0) return;
  await tx.$executeRaw`
    INSERT INTO "TaskEvent" ("taskId", "actorId", type, "fromStatus", "toStatus", changes, message)
    SELECT t.id, ${a.actorId}, ${a.type}::"TaskEventType", t.status, t.status, ${JSON.stringify(a.changes)}::jsonb, ${a.message ?? null}
    FROM "Task" t WHERE t.id = ANY(${a.taskIds}::int[]) ORDER BY t.id`;
}
