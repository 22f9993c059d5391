import Link from "next/link";
import { useTranslations } from "next-intl";
import type { TMissedTask } from "../server/read-missed";
import { MISSED_PAGE_SIZE } from "../server/read-missed";

/**
 * The tasks below a county that missed the period (漏报; 未报 while it is open), one page at a time,
 * each linking to its task.
 */
export function ReportStatusMissed({
  missed,
  open,
  page,
  pageHref,
}: {
  missed: { total: number; rows: TMissedTask[] };
  open: boolean;
  page: number;
  pageHref: (page: number) => string;
}) {
  const t = useTranslations("reportStatus.missed");
  const pages = Math.max(1, Math.ceil(missed.total / MISSED_PAGE_SIZE));
  return (
    <section className="mt-6" aria-labelledby="missed-title" data-testid="report-missed">
      <h2 id="missed-title" className="mb-2 text-base font-semibold text-slate-800">
        {t(open ? "titleOpen" : "titleClosed", { count: missed.total })}
      </h2>
      {missed.rows.length === 0 ? (
        <p className="text-sm text-slate-500">{t(open ? "noneOpen" : "none")}</p>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-md border border-slate-200 bg-white">
          {missed.rows.map((r) => (
            <li
              key={r.taskId}
              className="flex flex-col gap-0.5 px-3 py-2 text-sm sm:flex-row sm:items-center sm:gap-3"
            >
              <span className="font-medium text-slate-800 sm:w-56 sm:shrink-0">{r.orgName}</span>
              <span className="min-w-0 flex-1 truncate text-slate-600">{`${r.objectiveCode} ${r.objectiveTitle}`}</span>
              <Link href={`/tasks/${r.taskId}`} className="shrink-0 text-brand-700 hover:underline">
                {t("open")}
              </Link>
            </li>
          ))}
        </ul>
      )}
      {pages > 1 ? (
        <nav
          className="mt-2 flex items-center justify-between text-sm"
          aria-label={t("page", { page, pages })}
        >
          {page > 1 ? (
            <Link href={pageHref(page - 1)} className="text-brand-700 hover:underline">
              {t("prev")}
            </Link>
          ) : (
            <span />
          )}
          <span className="text-slate-500">{t("page", { page, pages })}</span>
          {page < pages ? (
            <Link href={pageHref(page + 1)} className="text-brand-700 hover:underline" rel="next">
              {t("next")}
            </Link>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
    </section>
  );
}
