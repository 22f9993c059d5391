import { isOverdue, type TTaskStatus } from "@/features/tasks/lib/state-machine";
import type { TRow } from "./sheet";
import type { TTranslate } from "./translate";

/**
 * One task as the ledger query returns it: the repeated texts (measures, federations, regions)
 * by id, looked up in TLedgerNames; the timestamps already as their calendar day in China.
 */
export type TLedgerTask = {
  id: number;
  measureId: number;
  mainTaskId: number;
  orgName: string;
  orgId: number;
  /** The holder's parent org (null for the root). */
  upId: number | null;
  /** 下达单位: the org that assigned the task (Task.reviewOrg). */
  reviewOrgId: number;
  /** 上级任务, when the task was passed down (分解) from another: its id, measure and holder. */
  parentId: number | null;
  parentMeasureId: number | null;
  parentOrgId: number | null;
  kind: string;
  status: TTaskStatus;
  priority: string;
  dueDate: Date;
  signedDay: Date | null;
  submittedDay: Date | null;
  completedDay: Date | null;
  responsibleName: string | null;
  progress: number;
  progressState: string;
  progressNarrative: string | null;
  progressDay: Date | null;
  evidenceCount: number;
};

/** What a ledger line names by id (ledger-names.ts builds it once per export). */
export type TLedgerNames = {
  objective(id: number): { code: string; title: string };
  orgName(id: number): string;
  /** 「河北省 / 石家庄市 / 正定县」 for a holder (its id and its parent's). */
  region(orgId: number, upId: number | null): string;
};

/** 「#12 石家庄市总工会：3.2.1.4 开展劳动竞赛」: the parent task's id, holder and measure. */
function parentTask(task: TLedgerTask, ctx: { t: TTranslate; names: TLedgerNames }): string | null {
  if (task.parentId === null) return null;
  const measure = task.parentMeasureId === null ? null : ctx.names.objective(task.parentMeasureId);
  return ctx.t("exports.ledger.parentValue", {
    id: task.parentId,
    org: task.parentOrgId === null ? "" : ctx.names.orgName(task.parentOrgId),
    code: measure?.code ?? "",
    title: measure?.title ?? "",
  });
}

/** One 台账 line, in the order of LEDGER_SPECS. */
export function ledgerRow(task: TLedgerTask, ctx: { t: TTranslate; today: Date; names: TLedgerNames }): TRow {
  const { t, names } = ctx;
  const measure = names.objective(task.measureId);
  const main = names.objective(task.mainTaskId);
  return [
    measure.code,
    measure.title,
    `${main.code} ${main.title}`,
    task.orgName,
    names.region(task.orgId, task.upId),
    names.orgName(task.reviewOrgId),
    parentTask(task, ctx),
    t(`tasks.kind.${task.kind}`),
    t(`tasks.status.${task.status}`),
    t(`tasks.priority.${task.priority}`),
    task.dueDate,
    task.signedDay,
    task.submittedDay,
    task.completedDay,
    t(isOverdue(task, ctx.today) ? "exports.ledger.yes" : "exports.ledger.no"),
    task.responsibleName,
    task.progress,
    t(`tasks.state.${task.progressState}`),
    task.progressNarrative,
    task.progressDay,
    task.evidenceCount,
  ];
}
