import { getFormatter, getTranslations } from "next-intl/server";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { getOrgHistory } from "../../server/get-org-history";

type TEntry = Awaited<ReturnType<typeof getOrgHistory>>[number];
const FIELDS = ["name", "parent", "successor", "mergedFrom"] as const;

function pairs(changes: unknown): [string, unknown, unknown][] {
  if (!changes || typeof changes !== "object" || Array.isArray(changes)) return [];
  return Object.entries(changes as Record<string, unknown>).flatMap(([f, p]) =>
    Array.isArray(p) && p.length === 2 ? [[f, p[0], p[1]] as [string, unknown, unknown]] : [],
  );
}

/** 变更记录: the org's business history, newest first (the caller checked the scope). */
export async function OrgHistory({ orgId }: { orgId: number }) {
  const t = await getTranslations("orgChanges.history");
  const p = await getTranslations("punct");
  const format = await getFormatter();
  const rows = await getOrgHistory(orgId);
  const show = (v: unknown) => (v === null || v === undefined || v === "" ? "—" : String(v));
  const label = (e: TEntry) =>
    t.has(`actions.${e.action}`) ? t(`actions.${e.action}` as "actions.rename") : e.action;
  return (
    <Card className="mb-4" data-testid="org-history">
      <CardHeader title={t("title")} />
      {rows.length === 0 ? (
        <EmptyState title={t("empty")} />
      ) : (
        <ol className="divide-y divide-slate-100">
          {rows.map((e) => (
            <li key={e.id} className="px-4 py-2.5">
              <p className="flex flex-wrap items-baseline gap-x-2 text-sm">
                <span className="font-medium text-slate-900">{label(e)}</span>
                <span className="text-xs text-slate-500">
                  {format.dateTime(e.createdAt, { dateStyle: "medium", timeStyle: "short" })}
                  {e.actorName ? ` · ${t("by", { name: e.actorName })}` : ""}
                </span>
              </p>
              <ul className="mt-0.5 text-xs break-words text-slate-600">
                {pairs(e.changes)
                  .filter(([f]) => (FIELDS as readonly string[]).includes(f))
                  .map(([f, before, after]) => (
                    <li key={f}>
                      {t(`fields.${f as (typeof FIELDS)[number]}`)}
                      {p("colon")}
                      {before === null ? show(after) : `${show(before)} → ${show(after)}`}
                    </li>
                  ))}
              </ul>
              {e.note ? (
                <p className="mt-1 rounded bg-slate-50 px-2 py-1 text-sm break-words text-slate-800">
                  {e.note}
                </p>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
