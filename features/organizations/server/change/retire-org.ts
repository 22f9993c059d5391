import "server-only";
import { notifyOrg } from "@/features/notifications/server/notify";
import type { TTx } from "@/lib/db/client";
import { adjustOrgCount } from "../org-counts";
import { assertMayCancelTasks, type TOrgActor } from "./changeable-org";
import { recordOrgEvents } from "./org-events";
import { lockOrgTasks, openTasksOf, placeOpenTasks } from "./org-tasks";
import { relocateTasks, type TOrgEventType } from "./relocate-tasks";

type TOrgRef = { id: number; name: string };

/**
 * What merging and closing share: the union's open tasks go to the successor or are cancelled
 * (placeOpenTasks), each affected timeline records `eventType`, and the union closes (it keeps its
 * history and completed tasks, leaves the org counts and takes no new tasks or accounts).
 */
export async function retireOrg(
  tx: TTx,
  a: {
    actor: TOrgActor;
    org: TOrgRef;
    successor: TOrgRef | null;
    choice: "transfer" | "cancel";
    reason: string;
    collisionReason: string;
    closeReason: string;
    eventType: TOrgEventType;
    clearStaff: boolean;
    now: Date;
  },
) {
  await lockOrgTasks(tx, a.org.id);
  const open = await openTasksOf(tx, a.org.id);
  if (a.choice === "cancel") assertMayCancelTasks(a.actor, open.length);
  const placed = await placeOpenTasks(tx, {
    actor: a.actor,
    tasks: open,
    choice: a.choice,
    successorId: a.choice === "transfer" ? (a.successor?.id ?? null) : null,
    reason: a.reason,
    collisionReason: a.collisionReason,
    now: a.now,
  });
  await recordOrgEvents(tx, {
    taskIds: placed.cancelled,
    actorId: a.actor.id,
    type: a.eventType,
    changes: {},
    message: a.closeReason,
  });
  if (a.successor && placed.transfer.length) {
    await relocateTasks(tx, {
      taskIds: placed.transfer,
      toOrgId: a.successor.id,
      actorId: a.actor.id,
      eventType: a.eventType,
      changes: { org: [a.org.name, a.successor.name] },
      message: a.closeReason,
      clearStaff: a.clearStaff,
    });
    await notifyOrg(tx, {
      orgId: a.successor.id,
      type: "TASKS_RECEIVED",
      taskId: null,
      params: {
        fromOrg: a.org.name,
        reason: a.eventType === "ORG_MERGED" ? "merge" : "close",
        count: placed.transfer.length,
      },
    });
  }
  await tx.org.update({
    where: { id: a.org.id },
    data: { closedAt: a.now, closeReason: a.closeReason, successorId: a.successor?.id ?? null },
  });
  await adjustOrgCount(tx, { orgId: a.org.id, delta: -1 });
  return { openTasks: open.length, transferred: placed.transfer.length, cancelled: placed.cancelled.length };
}
