import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { formatDay } from "@/lib/dates";
import type { TVisiblePlan } from "../server/visible-plans";

export type TPlanListItem = TVisiblePlan & { measureCount: number; editable: boolean };

/** The visible plans as cards (they read at 360 px as well as on a desktop). */
export async function PlanList({ plans, current }: { plans: TPlanListItem[]; current: string | null }) {
  const t = await getTranslations("planList");
  return (
    <ul className="divide-y divide-slate-100" data-testid="plan-list">
      {plans.map((p) => (
        <li key={p.id} className="flex flex-col gap-2 p-4" data-plan={p.codePrefix}>
          <div className="flex flex-wrap items-center gap-2">
            <span className="rounded bg-slate-800 px-1.5 py-0.5 font-mono text-xs text-white">
              {p.codePrefix}
            </span>
            <Badge tone={p.kind === "WORK_POINTS" ? "blue" : "gray"}>{t(`kinds.${p.kind}`)}</Badge>
            {p.codePrefix === current ? <Badge tone="red">{t("current")}</Badge> : null}
          </div>
          <h2 className="font-medium break-words text-slate-900">{p.title}</h2>
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm text-slate-600 sm:grid-cols-[auto_1fr_auto_1fr_auto_1fr]">
            <dt className="text-slate-500">{t("cols.issuer")}</dt>
            <dd className="min-w-0 break-words">{p.issuingOrg.name}</dd>
            <dt className="text-slate-500">{t("cols.period")}</dt>
            <dd className="tabular-nums">
              {t("period", { start: formatDay(p.periodStart), end: formatDay(p.periodEnd) })}
            </dd>
            <dt className="text-slate-500">{t("cols.measures")}</dt>
            <dd className="tabular-nums">{p.measureCount}</dd>
          </dl>
          <div className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
            <Link
              href={`/objectives?plan=${p.codePrefix}`}
              className="text-brand-700 hover:underline"
              data-testid="plan-tree-link"
            >
              {t("openTree")}
            </Link>
            <Link href={`/tasks?plan=${p.codePrefix}`} className="text-brand-700 hover:underline">
              {t("openTasks")}
            </Link>
            {p.editable ? (
              <Link href={`/plans/${p.id}/edit`} className="text-brand-700 hover:underline">
                {t("edit")}
              </Link>
            ) : null}
          </div>
        </li>
      ))}
    </ul>
  );
}
