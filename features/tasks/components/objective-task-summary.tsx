import Link from "next/link";
import { useTranslations } from "next-intl";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { tasksHref } from "@/features/rollups/lib/completion-url";
import { formatRate } from "@/features/rollups/lib/metrics";
import type { TObjectiveTaskSummary } from "../server/get-objective-task-summary";

const SHOWN = ["PENDING_SIGN", "IN_PROGRESS", "SUBMITTED", "COMPLETED"] as const;
const IF_ANY = ["HANDED_BACK"] as const;

/** An objective's tasks in the user's area: counts by status, each linking to the list behind it. */
export function ObjectiveTaskSummary({
  code,
  summary,
  showCompletion,
}: {
  code: string;
  summary: TObjectiveTaskSummary;
  showCompletion: boolean;
}) {
  const t = useTranslations("tasks");
  const list = tasksHref({ org: summary.orgId, objective: code });
  const all = summary.total;
  const tiles = [
    { key: "total", label: t("objectiveSummary.total"), value: summary.total, href: list },
    ...SHOWN.map((s) => ({
      key: s,
      label: t(`status.${s}`),
      value: summary.byStatus[s],
      href: `${list}&status=${s}`,
    })),
    ...IF_ANY.filter((s) => summary.byStatus[s] > 0).map((s) => ({
      key: s,
      label: t(`status.${s}`),
      value: summary.byStatus[s],
      href: `${list}&status=${s}`,
    })),
    {
      key: "overdue",
      label: t("objectiveSummary.overdue"),
      value: summary.overdue,
      href: `${list}&overdue=1`,
    },
  ];
  return (
    <Card className="mb-4" data-testid="objective-tasks">
      <CardHeader
        title={t("objectiveSummary.title")}
        action={
          all ? (
            <Link href={list} className="text-sm text-brand-700 underline">
              {t("objectiveSummary.viewList")}
            </Link>
          ) : null
        }
      />
      {all === 0 ? (
        <EmptyState title={t("objectiveSummary.empty")} hint={t("objectiveSummary.emptyHint")} />
      ) : (
        <div className="p-4">
          <p className="mb-3 text-sm text-slate-700">
            {t("objectiveSummary.rate")}
            <span className="ml-1 text-lg font-bold text-slate-900 tabular-nums" data-testid="objective-rate">
              {formatRate(summary.completionRate)}
            </span>
            <span className="ml-2 text-xs text-slate-500">{t("objectiveSummary.rateHint")}</span>
          </p>
          <dl className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-6">
            {tiles.map((tile) => (
              <Link
                key={tile.key}
                href={tile.href}
                className="rounded-md border border-slate-200 p-3 hover:border-brand-600"
                data-testid={`objective-count-${tile.key}`}
              >
                <dt className="text-xs text-slate-600">{tile.label}</dt>
                <dd
                  className={`mt-0.5 text-xl font-bold tabular-nums ${tile.key === "overdue" && tile.value > 0 ? "text-red-700" : "text-slate-900"}`}
                >
                  {tile.value}
                </dd>
              </Link>
            ))}
          </dl>
          <p className="mt-3 text-xs text-slate-500">
            {t("objectiveSummary.scopeHint")}
            {showCompletion ? (
              <Link href={`/completion?objective=${code}`} className="ml-2 text-brand-700 underline">
                {t("objectiveSummary.viewCompletion")}
              </Link>
            ) : null}
          </p>
        </div>
      )}
    </Card>
  );
}
