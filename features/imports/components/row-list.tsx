import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import type { TRowDisplay } from "../server/row-display";

const TONE = { NEW: "green", CHANGED: "amber", UNCHANGED: "gray", ERROR: "red" } as const;

/** A page of preview rows: changed fields as before → after, errors as messages. */
export async function RowList({ rows }: { rows: TRowDisplay[] }) {
  const t = await getTranslations("imports");
  if (rows.length === 0)
    return <p className="px-4 py-6 text-center text-sm text-slate-500">{t("job.noRows")}</p>;
  return (
    <ul className="divide-y divide-slate-100">
      {rows.map((r) => (
        <li key={r.rowNo} className="px-4 py-3 text-sm" data-row={r.rowNo}>
          <div className="flex flex-wrap items-center gap-2">
            <span className="text-xs text-slate-500">{t("job.row", { row: r.rowNo })}</span>
            <Badge tone={TONE[r.action]}>{t(`actions.${r.action}`)}</Badge>
            <span className="min-w-0 font-medium break-all text-slate-900">{r.title}</span>
          </div>
          {r.changes.length > 0 ? (
            <ul className="mt-1 space-y-0.5">
              {r.changes.map((c) => (
                <li key={c.label} className="break-all text-slate-700">
                  <span className="text-slate-500">{t("job.field", { label: c.label })}</span>
                  <span className="text-slate-400 line-through">{c.before || t("job.empty")}</span> →{" "}
                  <span className="font-medium">{c.after || t("job.empty")}</span>
                </li>
              ))}
            </ul>
          ) : null}
          {r.errors.length > 0 ? (
            <ul className="mt-1 list-disc space-y-0.5 pl-5 text-red-700">
              {r.errors.map((e) => (
                <li key={e} className="break-all">
                  {e}
                </li>
              ))}
            </ul>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
