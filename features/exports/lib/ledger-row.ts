import { chinaToday } from "@/lib/dates";
import { isOverdue, type TTaskStatus } from "@/features/tasks/lib/state-machine";
import type { TRow } from "./sheet";
import type { TTranslate } from "./translate";

/** One task as the ledger query returns it. */
export type TLedgerTask = {
  id: number;
  measureCode: string;
  measureTitle: string;
  mainCode: string;
  mainTitle: string;
  orgName: string;
  orgPath: number[];
  /** 下达单位: the org that assigned the task (Task.reviewOrg). */
  assignerName: string;
  /** 上级任务, when the task was passed down (分解) from another. */
  parentId: number | null;
  parentCode: string | null;
  parentTitle: string | null;
  parentOrgName: string | null;
  kind: string;
  status: TTaskStatus;
  priority: string;
  dueDate: Date;
  signedAt: Date | null;
  submittedAt: Date | null;
  completedAt: Date | null;
  responsibleName: string | null;
  progress: number;
  progressState: string;
  progressNarrative: string | null;
  progressAt: Date | null;
  evidenceCount: number;
};

const day = (d: Date | null) => (d ? chinaToday(d) : null);

/** 「#12 石家庄市总工会：3.2.1.4 开展劳动竞赛」: the parent task's id, holder and measure. */
function parentTask(task: TLedgerTask, t: TTranslate): string | null {
  if (task.parentId === null) return null;
  return t("exports.ledger.parentValue", {
    id: task.parentId,
    org: task.parentOrgName ?? "",
    code: task.parentCode ?? "",
    title: task.parentTitle ?? "",
  });
}

/** One 台账 line, in the order of LEDGER_SPECS. Timestamps become their calendar day in China. */
export function ledgerRow(task: TLedgerTask, ctx: { t: TTranslate; today: Date; region: string }): TRow {
  const { t } = ctx;
  return [
    task.measureCode,
    task.measureTitle,
    `${task.mainCode} ${task.mainTitle}`,
    task.orgName,
    ctx.region,
    task.assignerName,
    parentTask(task, t),
    t(`tasks.kind.${task.kind}`),
    t(`tasks.status.${task.status}`),
    t(`tasks.priority.${task.priority}`),
    task.dueDate,
    day(task.signedAt),
    day(task.submittedAt),
    day(task.completedAt),
    t(isOverdue(task, ctx.today) ? "exports.ledger.yes" : "exports.ledger.no"),
    task.responsibleName,
    task.progress,
    t(`tasks.state.${task.progressState}`),
    task.progressNarrative,
    day(task.progressAt),
    task.evidenceCount,
  ];
}
