import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { ActionTabs } from "@/features/imports/components/action-tabs";
import { JobActions } from "@/features/imports/components/job-actions";
import { JobProgress } from "@/features/imports/components/job-progress";
import { RowList } from "@/features/imports/components/row-list";
import { StatusBadge } from "@/features/imports/components/status-badge";
import { findImportJob } from "@/features/imports/server/find-job";
import { jobView } from "@/features/imports/server/job-view";
import { listImportRows } from "@/features/imports/server/list-rows";
import { displayRows } from "@/features/imports/server/row-display";
import { PasswordSheetPanel } from "@/features/users/components/password-sheet-panel";
import { requireUser } from "@/lib/auth/session";
import { toLocale } from "@/lib/i18n/config";
import { parseId } from "@/lib/input";

const ACTIONS = ["NEW", "CHANGED", "UNCHANGED", "ERROR"] as const;
type TAction = (typeof ACTIONS)[number];

export async function generateMetadata() {
  return { title: (await getTranslations("imports"))("title") };
}

export default async function ImportJobPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ action?: string; after?: string }>;
}) {
  const user = await requireUser();
  const id = parseId((await params).id);
  const job = id ? await findImportJob(user, id) : null;
  if (!job) notFound();
  const t = await getTranslations("imports");
  const sp = await searchParams;
  const action = ACTIONS.find((a) => a === sp.action);
  const after = parseId(sp.after) ?? undefined;
  const v = jobView(job);
  const counts: Record<TAction, number> = {
    NEW: v.newCount,
    CHANGED: v.changedCount,
    UNCHANGED: v.unchangedCount,
    ERROR: v.errorCount,
  };
  const showRows =
    v.status === "PREVIEW" || v.status === "DONE" || (v.status === "FAILED" && v.errorCode === "STALE");
  const rows = showRows ? await listImportRows(job.id, { action, after }) : null;
  const href = (a?: string, next?: number) =>
    `/imports/${job.id}?${new URLSearchParams({ ...(a ? { action: a } : {}), ...(next ? { after: String(next) } : {}) })}`;
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/imports" className="text-brand-700 hover:underline">
          ← {t("job.back")}
        </Link>
      </p>
      <PageHeader
        title={
          <span className="flex flex-wrap items-center gap-2">
            {t(`kinds.${v.kind}`)}
            <StatusBadge status={v.status} label={t(`status.${v.status}`)} />
          </span>
        }
        description={<span className="break-all">{t("job.file", { name: v.fileName })}</span>}
      />
      <Card className="mb-4">
        <JobProgress key={`${v.status}-${v.progressDone}`} jobId={v.id} initial={v} />
        {v.status === "FAILED" && v.errorCode ? (
          <p role="alert" className="p-4 text-sm text-red-700">
            {t(`jobErrors.${v.errorCode}`, v.errorParams ?? {})}
          </p>
        ) : null}
        {v.status === "CANCELLED" ? <p className="p-4 text-sm text-slate-600">{t("job.cancelled")}</p> : null}
        {v.status === "PREVIEW" || v.status === "DONE" ? (
          <p className="px-4 pt-4 text-base font-medium text-slate-900" data-testid="import-counts">
            {v.status === "DONE"
              ? t("job.done", { new: v.newCount, changed: v.changedCount })
              : t("job.counts", {
                  new: v.newCount,
                  changed: v.changedCount,
                  unchanged: v.unchangedCount,
                  errors: v.errorCount,
                })}
          </p>
        ) : null}
        {v.status === "PREVIEW" || v.status === "DONE" ? (
          <JobActions jobId={v.id} counts={v} canDecide={v.status === "PREVIEW"} />
        ) : null}
      </Card>
      {v.kind === "USERS" && v.status === "DONE" ? <PasswordSheetPanel jobId={v.id} viewer={user} /> : null}
      {rows ? (
        <Card>
          <ActionTabs
            current={action ?? "ALL"}
            tabs={[
              { key: "ALL", label: t("actions.ALL"), count: null, href: href() },
              ...ACTIONS.map((a) => ({ key: a, label: t(`actions.${a}`), count: counts[a], href: href(a) })),
            ]}
          />
          <RowList rows={displayRows(v.kind, rows.items, toLocale(await getLocale()))} />
          {rows.nextAfter ? (
            <p className="px-4 py-3 text-sm">
              <Link href={href(action, rows.nextAfter)} className="text-brand-700 hover:underline" rel="next">
                {t("job.more")}
              </Link>
            </p>
          ) : null}
        </Card>
      ) : null}
    </>
  );
}
