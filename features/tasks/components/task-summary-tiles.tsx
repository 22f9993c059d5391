import Link from "next/link";
import { useTranslations } from "next-intl";
import type { getTaskSummary } from "../server/get-task-summary";

/** To-do tiles on the home page; each links to the list behind it. */
export function TaskSummaryTiles({
  summary,
  orgId,
}: {
  summary: Awaited<ReturnType<typeof getTaskSummary>>;
  orgId: number;
}) {
  const t = useTranslations("tasks.home");
  const tiles = [
    { key: "toSign", value: summary.toSign, href: `/tasks?org=${orgId}&status=PENDING_SIGN` },
    { key: "mine", value: summary.mine, href: "/my-tasks" },
    {
      key: "overdue",
      value: summary.overdue,
      href: `/tasks?org=${orgId}&overdue=1`,
      alert: summary.overdue > 0,
    },
    ...(summary.toReview === null ? [] : [{ key: "toReview", value: summary.toReview, href: "/review" }]),
  ] as const;
  return (
    <div className="mb-5 grid grid-cols-2 gap-3 lg:grid-cols-4" data-testid="task-summary">
      {tiles.map((tile) => (
        <Link
          key={tile.key}
          href={tile.href}
          className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm hover:border-brand-600"
        >
          <p className="text-sm text-slate-600">{t(tile.key)}</p>
          <p
            className={`mt-1 text-2xl font-bold tabular-nums ${"alert" in tile && tile.alert ? "text-red-700" : "text-slate-900"}`}
          >
            {tile.value}
          </p>
        </Link>
      ))}
    </div>
  );
}
