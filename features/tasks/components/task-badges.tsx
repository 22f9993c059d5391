import { formatPercent } from "@/lib/percent";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { daysUntil } from "@/lib/dates";
import { isOpen } from "@/lib/task-status";
import { isOverdue, type TTaskStatus } from "../lib/state-machine";

const STATUS_TONE = {
  PENDING_SIGN: "amber",
  HANDED_BACK: "red",
  IN_PROGRESS: "blue",
  SUBMITTED: "amber",
  COMPLETED: "green",
  CANCELLED: "gray",
} as const;

export function StatusBadge({ status }: { status: TTaskStatus }) {
  const t = useTranslations("tasks.status");
  return (
    <Badge tone={STATUS_TONE[status]} className="status-badge">
      {t(status)}
    </Badge>
  );
}

export function KindBadge({ kind }: { kind: "ASSIGNED" | "CLAIMED" }) {
  const t = useTranslations("tasks.kind");
  return <Badge tone={kind === "ASSIGNED" ? "gray" : "blue"}>{t(kind)}</Badge>;
}

/** Due date with "overdue N days" / "due in N days", red when overdue. */
export function DueLabel({ status, dueDate, today }: { status: TTaskStatus; dueDate: Date; today: Date }) {
  const t = useTranslations("tasks");
  const day = dueDate.toISOString().slice(0, 10);
  if (isOverdue({ status, dueDate }, today)) {
    return (
      <span className="inline-flex items-center gap-1 text-red-700">
        <Badge tone="red" className="overdue-badge">
          {t("overdue")}
        </Badge>
        <span className="text-xs tabular-nums">
          {day} · {t("overdueDays", { days: -daysUntil(dueDate, today) })}
        </span>
      </span>
    );
  }
  const days = daysUntil(dueDate, today);
  const soon = isOpen(status) && days <= 3;
  return (
    <span className={soon ? "text-xs text-amber-700 tabular-nums" : "text-xs text-slate-500 tabular-nums"}>
      {day}
      {soon ? ` · ${days === 0 ? t("dueToday") : t("dueIn", { days })}` : ""}
    </span>
  );
}

export function ProgressBar({ value, label }: { value: number; label: string }) {
  return (
    <div className="flex items-center gap-2">
      <div
        className="h-2 flex-1 overflow-hidden rounded-full bg-slate-100"
        role="progressbar"
        aria-valuenow={value}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-label={label}
      >
        <div className="h-full rounded-full bg-brand-600" style={{ width: `${value}%` }} />
      </div>
      <span className="w-10 text-right text-xs text-slate-600 tabular-nums">{formatPercent(value)}%</span>
    </div>
  );
}
