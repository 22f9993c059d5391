import "server-only";
import type { TTaskActor } from "../lib/task-permissions";

/**
 * The audit trail's actor for a task actor. Session users carry their username; an actor built
 * without one (scripts) is named by id, which is what the trail keys on anyway.
 */
export function auditActor(actor: TTaskActor & { username?: string }): { id: number; username: string } {
  return { id: actor.id, username: actor.username ?? `#${actor.id}` };
}
