import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";

type THit = { code: string; level: string; title: string; path: string[]; viaParent: boolean };

export async function ObjectiveSearchResults({ q, hits }: { q: string; hits: THit[] }) {
  const t = await getTranslations();
  if (hits.length === 0)
    return <EmptyState title={t("objectives.noResults", { q })} hint={t("objectives.noResultsHint")} />;
  return (
    <div>
      <p className="px-4 pt-3 text-sm text-slate-600" role="status">
        {t("objectives.results", { q, count: hits.length })}
        {hits.some((h) => h.viaParent) ? ` ${t("objectives.resultsViaParent")}` : null}
      </p>
      <ul className="divide-y divide-slate-100">
        {hits.map((h) => (
          <li key={h.code}>
            <Link
              href={`/objectives/${h.code}`}
              className={`block py-3 pr-4 hover:bg-brand-50 ${h.viaParent ? "pl-8" : "pl-4"}`}
              data-testid="objective-hit"
            >
              <div className="flex flex-wrap items-center gap-2">
                <Badge tone={h.level === "MEASURE" ? "blue" : "red"}>{t(`objectiveLevels.${h.level}`)}</Badge>
                <span className="font-mono text-xs text-slate-500">{h.code}</span>
                <span className="font-medium text-slate-900">{h.title}</span>
              </div>
              {h.path.length ? <p className="mt-1 text-xs text-slate-500">{h.path.join(" › ")}</p> : null}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
