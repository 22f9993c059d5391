import { OPEN_STATUSES, TASK_STATUSES, isOpen, type TTaskStatus } from "@/lib/task-status";

// The task lifecycle as data. Every status change on the server goes through
// nextStatus(); a refused transition is an INVALID_TRANSITION error, never a silent no-op.
// The statuses and which of them are open live in lib/task-status.ts (re-exported here).
export { TASK_STATUSES, type TTaskStatus };

export const TASK_ACTIONS = [
  "sign", // 签收
  "handBack", // 退回 (with a reason)
  "reassign", // the assigner sends a handed-back task again
  "transfer", // 转派: the assigner sends a handed-back task to another unit (a new task; this one is closed)
  "cancel", // the assigner withdraws the task
  "assignStaff", // 承办: responsible person and helpers
  "logProgress", // 进展填报
  "submit", // 办结 report
  "withdraw", // 撤回上报: the holder takes the report back before it is reviewed
  "approve", // 销号
  "return", // 退办 (with a reason)
  "requestExtension", // 延期申请
  "decideExtension",
  "cascade", // 分解: pass down to the org's own subtree
  "nudge", // 催办
  "nudgeChildren", // 催办 every unsigned or overdue task passed down from this one
  "comment",
] as const;
export type TTaskAction = (typeof TASK_ACTIONS)[number];

/** The statuses in which each action is allowed. */
export const ALLOWED_FROM: Record<TTaskAction, readonly TTaskStatus[]> = {
  sign: ["PENDING_SIGN"],
  handBack: ["PENDING_SIGN"],
  reassign: ["HANDED_BACK"],
  transfer: ["HANDED_BACK"],
  cancel: ["PENDING_SIGN", "HANDED_BACK", "IN_PROGRESS"],
  assignStaff: ["IN_PROGRESS"],
  logProgress: ["IN_PROGRESS"],
  submit: ["IN_PROGRESS"],
  withdraw: ["SUBMITTED"],
  approve: ["SUBMITTED"],
  return: ["SUBMITTED"],
  requestExtension: ["PENDING_SIGN", "IN_PROGRESS"],
  decideExtension: OPEN_STATUSES,
  cascade: ["IN_PROGRESS"],
  nudge: ["PENDING_SIGN", "IN_PROGRESS", "HANDED_BACK"],
  nudgeChildren: ["IN_PROGRESS", "SUBMITTED"],
  comment: TASK_STATUSES,
};

/** Where an action leads; actions not listed keep the status. */
const TARGET: Partial<Record<TTaskAction, TTaskStatus>> = {
  sign: "IN_PROGRESS",
  handBack: "HANDED_BACK",
  reassign: "PENDING_SIGN",
  transfer: "CANCELLED",
  cancel: "CANCELLED",
  submit: "SUBMITTED",
  withdraw: "IN_PROGRESS",
  approve: "COMPLETED",
  return: "IN_PROGRESS",
};

export class TransitionError extends Error {
  constructor(
    public readonly from: TTaskStatus,
    public readonly action: TTaskAction,
  ) {
    super(`${action} is not allowed from ${from}`);
    this.name = "TransitionError";
  }
}

export function canApply(from: TTaskStatus, action: TTaskAction): boolean {
  return ALLOWED_FROM[action].includes(from);
}

/** The status after `action`, or a TransitionError when the action is not allowed from `from`. */
export function nextStatus(from: TTaskStatus, action: TTaskAction): TTaskStatus {
  if (!canApply(from, action)) throw new TransitionError(from, action);
  return TARGET[action] ?? from;
}

export function isFinal(status: TTaskStatus): boolean {
  return !isOpen(status);
}

/** Overdue: past its due date (a calendar day in China) and not completed or cancelled. */
export function isOverdue(task: { status: TTaskStatus; dueDate: Date }, today: Date): boolean {
  return !isFinal(task.status) && task.dueDate.getTime() < today.getTime();
}
