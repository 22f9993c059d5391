// Where a notification leads. A batch of new tasks opens the task list of that batch.
export function notificationHref(n: { type: string; taskId: number | null; params: unknown }): string {
  const params = (n.params ?? {}) as Record<string, unknown>;
  if (n.type === "NEW_TASKS" && typeof params.batchId === "number") return `/tasks?batch=${params.batchId}`;
  if (n.type === "ACCOUNT_LOCKED") return "/security/locks";
  if (n.taskId) return `/tasks/${n.taskId}`;
  return "/tasks";
}
