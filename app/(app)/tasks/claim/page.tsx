import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { SearchBox } from "@/components/ui/search-box";
import { ClaimButton } from "@/features/tasks/components/claim-button";
import { chinaToday, formatDay } from "@/lib/dates";
import { listClaimable } from "@/features/tasks/server/list-claimable";
import { getCurrentPlan } from "@/features/plans/server/current-plan";
import { requirePagePermission } from "@/lib/auth/session";
import { pageTitle } from "@/lib/i18n/page-title";
import { searchText } from "@/lib/input";

export const generateMetadata = pageTitle("tasks.claimPage.title");

export default async function ClaimPage({
  searchParams,
}: {
  searchParams: Promise<{ q?: string; plan?: string }>;
}) {
  const user = await requirePagePermission("task:claim");
  const t = await getTranslations("tasks.claimPage");
  const sp = await searchParams;
  const q = searchText(sp.q, 50);
  // The current plan's measures (?plan= makes another visible plan current).
  const { current } = await getCurrentPlan(user, sp.plan);
  const items = await listClaimable(user, q, current?.id ?? 0);
  const minDue = formatDay(chinaToday());
  return (
    <>
      <PageHeader
        title={t("title")}
        description={
          <>
            {t("hint")}
            {current ? (
              <span className="block text-xs text-slate-500">
                {(await getTranslations("planList"))("scopeNote", { title: current.title })}
              </span>
            ) : null}
          </>
        }
      />
      <div className="mb-3">
        <SearchBox defaultValue={q} placeholder={t("q")} label={t("q")} submitLabel={t("q")} />
      </div>
      <Card>
        {items.length === 0 ? (
          <EmptyState title={t("empty")} />
        ) : (
          <ul className="divide-y divide-slate-100" data-testid="claimable">
            {items.map((m) => (
              <li key={m.id} className="flex flex-wrap items-start gap-3 px-4 py-3">
                <div className="min-w-0 flex-1">
                  <p className="text-xs text-slate-500">
                    {m.parent?.code} {m.parent?.title}
                  </p>
                  <p className="font-medium">
                    <span className="mr-1 font-mono text-xs text-slate-500">{m.code}</span>
                    {m.title}
                  </p>
                  <p className="mt-1 line-clamp-2 text-sm text-slate-600">{m.sourceText}</p>
                </div>
                <ClaimButton objectiveId={m.id} title={`${m.code} ${m.title}`} minDue={minDue} />
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}
