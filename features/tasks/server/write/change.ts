import type { TNotificationParams, TNotificationType } from "@/features/notifications/server/notify";
import type { TTaskStatus } from "../../lib/state-machine";
import type { TIndicatorValue } from "@/features/indicators/lib/indicator-values";
import type { TLoadedTask } from "../load-task";

// What a task change is, described by the domain functions (sign, progress, 办结, 销号 …) and
// written by apply-change.ts as ONE version-checked statement. Nothing here is SQL.

/** Task columns a change may set (status and progress have their own fields). */
export type TTaskFields = {
  progressState?: "NORMAL" | "LAGGING" | "AT_RISK";
  lastProgressAt?: Date;
  actualValue?: number;
  signedAt?: Date;
  submittedAt?: Date | null;
  completedAt?: Date | null;
  lastReason?: string | null;
  dueDate?: Date;
  note?: string;
  responsibleId?: number;
};

/** Records written with the change; the first one's id is the change's result. */
export type TTaskRecord =
  | {
      kind: "progressUpdate";
      /** "current": the task's progress after the change, rounded (a task passed down derives it). */
      percent: number | "current";
      state: "NORMAL" | "LAGGING" | "AT_RISK";
      narrative: string;
      value: number | null;
      clientToken: string;
      /** The indicator values reported with it (kept on the record for the history). */
      indicatorValues?: TIndicatorValue[];
    }
  | { kind: "completionReport"; summary: string; clientToken: string }
  | { kind: "reportDecision"; decision: "APPROVED" | "RETURNED" | "WITHDRAWN"; note: string | null }
  | { kind: "extensionRequest"; fromDue: Date; toDue: Date; reason: string; clientToken: string }
  | { kind: "extensionDecision"; extensionId: number; approve: boolean; note: string | null }
  | { kind: "helpers"; userIds: number[] }
  /** Marks the task's unread `type` notifications of `orgId`'s users read (e.g. the 办结 notice of a withdrawn report). */
  | { kind: "notificationsDone"; type: "SUBMITTED"; orgId: number };

/** A condition checked under the task row's lock; each kind has its error (guards.ts). */
export type TTaskGuard =
  | { kind: "openReport" }
  | { kind: "noPendingExtension" }
  | { kind: "noOpenChildren" }
  | { kind: "pendingExtension"; extensionId: number }
  | { kind: "ownUnlinkedAttachments"; ids: number[]; uploaderId: number };

export type TTaskChange = {
  /** As loaded and checked (scope, permission, status) at task.version. */
  task: TLoadedTask;
  actorId: number;
  now: Date;
  /** The status afterwards; omitted: unchanged. */
  to?: TTaskStatus;
  /**
   * The new progress: a number, or "derived" (the mean of the task's children, for 分解);
   * omitted: unchanged. A task passed down keeps deriving it, so its parents follow at once.
   */
  progress?: number | "derived";
  fields?: TTaskFields;
  /**
   * Typed cumulative actuals of the measure's indicators (a task not passed down). The task's
   * chain re-derives its actuals and the indicator roll-ups move in the same statement
   * (features/indicators/server/indicator-change.ts; also on 撤销 and 分解).
   */
  indicatorValues?: TIndicatorValue[];
  /** The timeline entry; a progress change is added to `changes` from the locked row. */
  event: {
    type:
      | "SIGNED"
      | "HANDED_BACK"
      | "REASSIGNED"
      | "CANCELLED"
      | "STAFF_ASSIGNED"
      | "PROGRESS"
      | "SUBMITTED"
      | "APPROVED"
      | "RETURNED"
      | "EXTENSION_REQUESTED"
      | "EXTENSION_APPROVED"
      | "EXTENSION_REJECTED"
      | "CASCADED"
      | "WITHDRAWN"
      | "TRANSFERRED";
    message?: string | null;
    changes?: Record<string, [unknown, unknown]>;
  };
  records?: TTaskRecord[];
  /** Evidence uploaded before the form was sent, linked to the first record. */
  evidenceIds?: number[];
  guards?: TTaskGuard[];
  /** Notifies the users who receive `orgId`'s notifications and `userIds`, each once. */
  notify?: { type: TNotificationType; orgId?: number; userIds?: number[]; params: TNotificationParams };
};
