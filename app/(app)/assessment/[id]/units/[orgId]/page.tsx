import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { AsOfPicker } from "@/features/assessment/components/as-of-picker";
import { EvidenceLinks } from "@/features/assessment/components/evidence-links";
import { ItemForm, WithdrawItemButton } from "@/features/assessment/components/item-form";
import { SheetLines } from "@/features/assessment/components/sheet-lines";
import { nullIfNotFound, parseAsOf } from "@/features/assessment/lib/page-params";
import { readLiveSheet } from "@/features/assessment/server/scores-read";
import { requirePagePermission } from "@/lib/auth/session";
import { chinaToday, formatDay } from "@/lib/dates";
import { pageTitle } from "@/lib/i18n/page-title";
import { parseId } from "@/lib/input";

export const generateMetadata = pageTitle("assessmentResults.scoresTitle");

type TProps = {
  params: Promise<{ id: string; orgId: string }>;
  searchParams: Promise<{ asOf?: string }>;
};

export default async function UnitSheetPage({ params, searchParams }: TProps) {
  const user = await requirePagePermission("assessment:manage");
  const p = await params;
  const [schemeId, orgId] = [parseId(p.id), parseId(p.orgId)];
  const asOf = parseAsOf((await searchParams).asOf);
  const view =
    schemeId === null || orgId === null
      ? null
      : await nullIfNotFound(readLiveSheet(user, { schemeId, orgId, asOf }));
  if (!view) notFound();
  const t = await getTranslations("assessmentResults");
  const ts = await getTranslations("assessmentSchemes");
  const ta = await getTranslations("assessment");
  const day = formatDay(asOf);
  const { unit, scheme } = view;
  const editable = view.runs && scheme.status === "PUBLISHED";
  const itemIdOf = (key: string) => (key.startsWith("item:") ? Number(key.slice(5)) : null);
  return (
    <>
      <Breadcrumb
        label={ts("breadcrumb")}
        items={[
          { label: ts("crumb"), href: "/assessment" },
          { label: scheme.title, href: `/assessment/${scheme.id}` },
          { label: t("scoresTitle"), href: `/assessment/${scheme.id}/scores?asOf=${day}` },
          { label: unit.name },
        ]}
      />
      <PageHeader
        title={t("sheetTitle", { unit: unit.name })}
        description={t("rankOf", { rank: unit.rank, count: view.units })}
        actions={<AsOfPicker asOf={day} max={formatDay(chinaToday())} />}
      />
      <div className="grid gap-4 xl:grid-cols-[2fr_1fr]">
        <Card className="min-w-0">
          <CardHeader title={t("live", { day })} />
          <SheetLines
            lines={unit.lines}
            rules={view.rules}
            indicatorNames={view.indicatorNames}
            refs={view.refs}
            total={unit.total}
            grade={unit.grade}
            vetoed={unit.vetoed}
            aside={(l) => {
              const itemId = itemIdOf(l.key);
              return editable && itemId !== null ? <WithdrawItemButton itemId={itemId} /> : null;
            }}
          />
        </Card>
        <div className="grid min-w-0 content-start gap-4">
          {editable ? (
            <Card>
              <CardHeader title={t("items.add")} />
              <ItemForm seriesId={view.seriesId} orgId={unit.id} />
            </Card>
          ) : null}
          <Card>
            <CardHeader title={t("items.title")} />
            {view.items.length ? (
              <ul className="divide-y divide-slate-100 text-sm" data-testid="assess-items">
                {view.items.map((i) => (
                  <li key={i.id} className="grid gap-1 px-4 py-2" data-testid={`assess-item-${i.id}`}>
                    <span className="flex flex-wrap items-center gap-2">
                      <span className="font-medium">{ta(`kind.${i.kind}`)}</span>
                      {i.kind !== "VETO" ? (
                        <span className="tabular-nums">
                          {t("points", { points: i.kind === "DEDUCTION" ? -i.points : i.points })}
                        </span>
                      ) : null}
                      {i.withdrawnAt ? <Badge>{t("items.withdrawn")}</Badge> : null}
                    </span>
                    <span className="break-words text-slate-700">{i.reason}</span>
                    <EvidenceLinks itemId={i.id} files={view.evidence[i.id]} />
                    <span className="text-xs text-slate-500">
                      {t("items.fromDay", { day: formatDay(i.day) })}
                      {i.withdrawnAt
                        ? ` · ${t("items.withdrawnOn", { day: formatDay(chinaToday(i.withdrawnAt)) })}`
                        : ""}
                    </span>
                  </li>
                ))}
              </ul>
            ) : (
              <EmptyState title={t("items.none")} />
            )}
          </Card>
        </div>
      </div>
    </>
  );
}
