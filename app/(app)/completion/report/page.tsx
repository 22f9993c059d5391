import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { Input } from "@/components/ui/field";
import { Bulletin } from "@/features/rollups/components/bulletin";
import { PrintButton } from "@/components/ui/print-button";
import { completionHref } from "@/features/rollups/lib/completion-url";
import { DOC_NO_MAX, ZCompletionQuery, ZDocNo } from "@/features/rollups/schemas";
import { getCompletion } from "@/features/rollups/server/get-completion";
import { getCurrentPlan } from "@/features/plans/server/current-plan";
import { requirePagePermission } from "@/lib/auth/session";
import { planPrefixOf } from "@/lib/objective-code";
import { IndicatorBulletin } from "@/features/indicators/components/indicator-bulletin";
import { ZIndicatorParam } from "@/features/indicators/schemas";
import { getIndicatorCompletion } from "@/features/indicators/server/get-indicator-completion";

export async function generateMetadata() {
  return { title: (await getTranslations("completion"))("report.open") };
}

const chinaDate = (locale: string) =>
  new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "zh-CN", {
    timeZone: "Asia/Shanghai",
    year: "numeric",
    month: "long",
    day: "numeric",
  }).format(new Date());

// 通报: the ranking of the org's child regions as a printable A4 page, with an optional 发文字号
// (a GET form; an invalid one is shown as a field error and not printed).
export default async function BulletinPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const user = await requirePagePermission("report:read");
  const params = await searchParams;
  const q = ZCompletionQuery.parse(params);
  const { indicator } = ZIndicatorParam.parse(params);
  const rawDocNo = typeof params.docNo === "string" ? params.docNo : "";
  const docNo = ZDocNo.safeParse(rawDocNo);
  const { current } = await getCurrentPlan(user, q.plan ?? (q.objective && planPrefixOf(q.objective)));
  const plan = current?.codePrefix ?? null;
  const orgId = q.org ?? user.orgId;
  const [data, t, locale, indicatorData] = await Promise.all([
    getCompletion(user, { orgId, objective: q.objective, plan }),
    getTranslations("completion"),
    getLocale(),
    indicator
      ? getIndicatorCompletion(user, { orgId, indicatorId: indicator, objective: q.objective, plan })
      : null,
  ]);
  // An unknown or out-of-scope indicator is not found, like the org and the objective.
  if (!data || (indicator && !indicatorData)) notFound();
  return (
    <>
      <div className="mb-4 flex flex-wrap items-end justify-between gap-3 print:hidden">
        <Link
          href={completionHref({ org: data.org.id, objective: q.objective, indicator })}
          className="text-sm text-brand-700 hover:underline"
        >
          ← {t("report.back")}
        </Link>
        <form method="get" action="/completion/report" className="flex min-w-0 flex-wrap items-end gap-2">
          <input type="hidden" name="org" value={data.org.id} />
          {plan ? <input type="hidden" name="plan" value={plan} /> : null}
          {q.objective ? <input type="hidden" name="objective" value={q.objective} /> : null}
          {indicator ? <input type="hidden" name="indicator" value={indicator} /> : null}
          <label className="flex min-w-0 flex-col gap-1 text-sm font-medium text-slate-700">
            {t("report.docNo")}
            <Input
              name="docNo"
              defaultValue={rawDocNo}
              placeholder={t("report.docNoHint")}
              maxLength={DOC_NO_MAX}
              aria-invalid={!docNo.success || undefined}
              aria-describedby={docNo.success ? undefined : "docNo-error"}
              className="w-64 max-w-full font-normal"
            />
          </label>
          <button
            type="submit"
            className="h-10 shrink-0 rounded-md bg-slate-800 px-4 text-sm font-medium text-white hover:bg-slate-900"
          >
            {t("report.apply")}
          </button>
          <PrintButton label={t("report.print")} />
          {docNo.success ? null : (
            <p id="docNo-error" role="alert" className="w-full text-xs text-red-700">
              {t("report.docNoInvalid", { max: DOC_NO_MAX })}
            </p>
          )}
        </form>
      </div>
      <Bulletin
        data={data}
        date={chinaDate(locale)}
        docNo={docNo.success ? docNo.data : undefined}
        planTitle={current?.title}
      >
        {indicatorData ? <IndicatorBulletin data={indicatorData} /> : null}
      </Bulletin>
    </>
  );
}
