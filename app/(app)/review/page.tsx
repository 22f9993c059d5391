import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { AttachmentList } from "@/features/evidence/components/attachment-list";
import { toAttachmentView } from "@/features/evidence/server/attachment-view";
import { TaskList } from "@/features/tasks/components/task-list";
import { LightBadge } from "@/features/lights/components/light-badge";
import { chinaToday } from "@/lib/dates";
import { listExtensions, listHandedBack, listSubmitted } from "@/features/tasks/server/review-queue";
import { requirePagePermission } from "@/lib/auth/session";
import { parseCursor } from "@/lib/paging";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("tasks.review.title");

type TQueueParams = { cursor?: string; ext?: string; back?: string };

/** The review page with one queue paged on (each queue keeps its own cursor in the URL). */
function moreHref(params: TQueueParams, key: keyof TQueueParams, next: number): string {
  const q = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => !!e[1]));
  q.set(key, String(next));
  return `/review?${q.toString()}`;
}

export default async function ReviewPage({ searchParams }: { searchParams: Promise<TQueueParams> }) {
  const user = await requirePagePermission("task:review");
  const t = await getTranslations("tasks");
  const p = await getTranslations("punct");
  const params = await searchParams;
  const [submitted, extensions, handedBack] = await Promise.all([
    listSubmitted(user, parseCursor(params.cursor)),
    listExtensions(user, parseCursor(params.ext)),
    listHandedBack(user, parseCursor(params.back)),
  ]);
  const awaiting = { extensions: extensions.items, handedBack: handedBack.items };
  const today = chinaToday();
  return (
    <>
      <PageHeader title={t("review.title")} description={t("review.description")} />
      <p className="mb-3 text-sm">
        <Link href="/tasks?status=SUBMITTED" className="text-brand-700 hover:underline">
          {t("review.belowLink")} →
        </Link>
      </p>
      <Card className="mb-4">
        <CardHeader
          title={`${t("review.submitted")}${p("paren", { text: `${submitted.items.length}${submitted.nextCursor ? "+" : ""}` })}`}
        />
        {submitted.items.length === 0 ? (
          <EmptyState title={t("review.empty")} />
        ) : (
          <ul className="divide-y divide-slate-100" data-testid="review-submitted">
            {submitted.items.map((task) => {
              const report = task.reports[0];
              return (
                <li key={task.id} className="px-4 py-3">
                  <div className="flex flex-wrap items-center gap-2 text-sm">
                    <LightBadge light={task.light} />
                    <span className="font-mono text-xs text-slate-500">{task.objective.code}</span>
                    <span className="font-medium">{task.objective.title}</span>
                    <span className="text-slate-600">· {task.org.name}</span>
                    <Link
                      href={`/tasks/${task.id}`}
                      className="ml-auto rounded-md bg-brand-600 px-3 py-1.5 text-sm text-white hover:bg-brand-700"
                    >
                      {t("review.open")}
                    </Link>
                  </div>
                  {report ? (
                    <>
                      <p className="mt-1 text-xs text-slate-500">
                        {report.submittedBy.name} ·{" "}
                        {t("review.submittedAt", { date: report.createdAt.toISOString().slice(0, 10) })}
                      </p>
                      <p className="mt-1 line-clamp-3 text-sm text-slate-700">{report.summary}</p>
                      {report.attachments.length ? (
                        <div className="mt-2">
                          <AttachmentList items={report.attachments.map(toAttachmentView)} />
                        </div>
                      ) : null}
                    </>
                  ) : null}
                </li>
              );
            })}
          </ul>
        )}
        {submitted.nextCursor ? <MoreLink href={moreHref(params, "cursor", submitted.nextCursor)} /> : null}
      </Card>
      <Card className="mb-4">
        <CardHeader title={t("review.extensions")} />
        {awaiting.extensions.length === 0 ? (
          <EmptyState title={t("review.empty")} />
        ) : (
          <ul className="divide-y divide-slate-100" data-testid="review-extensions">
            {awaiting.extensions.map((e) => (
              <li key={e.id}>
                <Link href={`/tasks/${e.task.id}`} className="block px-4 py-3 text-sm hover:bg-slate-50">
                  <span className="mr-1.5 inline-block align-middle">
                    <LightBadge light={e.task.light} />
                  </span>
                  <span className="font-medium">{e.task.objective.title}</span> · {e.task.org.name}
                  <span className="block text-slate-600">
                    {t("review.ask", {
                      from: e.fromDue.toISOString().slice(0, 10),
                      to: e.toDue.toISOString().slice(0, 10),
                    })}
                    {p("colon")}
                    {e.reason}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        )}
        {extensions.nextCursor ? <MoreLink href={moreHref(params, "ext", extensions.nextCursor)} /> : null}
      </Card>
      <Card>
        <CardHeader title={t("review.handedBack")} />
        {awaiting.handedBack.length === 0 ? (
          <EmptyState title={t("review.empty")} />
        ) : (
          <TaskList items={awaiting.handedBack} today={today} />
        )}
        {handedBack.nextCursor ? <MoreLink href={moreHref(params, "back", handedBack.nextCursor)} /> : null}
      </Card>
    </>
  );
}

async function MoreLink({ href }: { href: string }) {
  const t = await getTranslations("tasks");
  return (
    <Link href={href} className="block px-4 py-3 text-sm text-brand-700 hover:underline">
      {t("loadMore")}
    </Link>
  );
}
