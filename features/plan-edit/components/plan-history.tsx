import { getTranslations } from "next-intl/server";
import { formatChinaDateTime } from "@/lib/dates";
import type { THistoryRow } from "../server/get-plan-for-edit";

const show = (v: unknown) => (v === null || v === undefined ? "—" : String(v));

/** The plan's business history (ChangeLog), newest first. */
export async function PlanHistory({ rows }: { rows: THistoryRow[] }) {
  const t = await getTranslations("planEdit");
  if (rows.length === 0) return <p className="p-4 text-sm text-slate-500">{t("noHistory")}</p>;
  const verb = (a: string) => (t.has(`actions.${a}`) ? t(`actions.${a}` as "actions.create") : a);
  return (
    <ol className="divide-y divide-slate-100" data-testid="plan-history">
      {rows.map((h) => {
        const title = h.changes?.title ?? h.changes?.indicator;
        const choice = h.changes?.openTasks?.[1];
        return (
          <li key={h.id} className="px-4 py-2 text-sm">
            <div className="flex flex-wrap items-baseline gap-x-2">
              <span className="font-medium text-slate-800">{verb(h.action)}</span>
              <span className="font-mono text-xs text-slate-500">{h.code}</span>
              <span className="text-xs text-slate-500">
                {formatChinaDateTime(h.at)}
                {h.actorName ? ` · ${h.actorName}` : ""}
              </span>
            </div>
            {title ? (
              <p className="break-words text-slate-600">
                {h.action === "rename" || h.action === "indicator.update"
                  ? `${show(title[0])} → ${show(title[1])}`
                  : show(title[1])}
              </p>
            ) : null}
            {choice === "keep" || choice === "cancel" ? (
              <p className="text-slate-600">
                {choice === "keep"
                  ? t("retireKept", { count: Number(h.changes?.taskCount?.[1] ?? 0) })
                  : t("retireCancelled", {
                      count: Number(h.changes?.taskCount?.[1] ?? 0),
                      reason: h.note ?? "",
                    })}
              </p>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
