import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { formatChinaSeconds } from "@/lib/dates";
import type { TAuditRow } from "../server/list-audit";
import { actionLabel } from "./action-label";

const TONE = { SUCCESS: "green", FAILURE: "amber", DENIED: "red" } as const;

/** The rows as a list that reads at 360 px as well as on a desktop. */
export async function AuditList({ rows }: { rows: TAuditRow[] }) {
  const t = await getTranslations("audit");
  return (
    <ul className="divide-y divide-slate-100" data-testid="audit-rows">
      {rows.map((r) => (
        <li key={r.id.toString()} className="px-4 py-3 text-sm">
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <time className="font-mono text-xs text-slate-500 tabular-nums">{formatChinaSeconds(r.at)}</time>
            <span className="font-medium text-slate-900">{actionLabel(t, r.action)}</span>
            <Badge tone={TONE[r.outcome as keyof typeof TONE] ?? "gray"}>
              {t(`outcomes.${r.outcome as keyof typeof TONE}`)}
            </Badge>
          </div>
          <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-2 text-xs text-slate-600 sm:flex sm:flex-wrap sm:gap-x-4">
            <div className="contents sm:flex sm:gap-1">
              <dt>{t("columns.actor")}</dt>
              <dd className="break-all text-slate-800">{r.actorName ?? "-"}</dd>
            </div>
            <div className="contents sm:flex sm:gap-1">
              <dt>{t("columns.ip")}</dt>
              <dd className="break-all text-slate-800">{r.ip ?? "-"}</dd>
            </div>
            {r.targetType ? (
              <div className="contents sm:flex sm:gap-1">
                <dt>{t("columns.target")}</dt>
                <dd className="break-all font-mono text-slate-800">{`${r.targetType}:${r.targetId ?? ""}`}</dd>
              </div>
            ) : null}
          </dl>
          {r.detail !== null ? (
            <p className="mt-1 font-mono text-xs break-all text-slate-500">{JSON.stringify(r.detail)}</p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
