import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { TJobListItem } from "../server/list-jobs";
import { StatusBadge } from "./status-badge";

/** The user's jobs in scope, newest first: one line each on a phone, a table row on a desk. */
export async function JobList({ jobs }: { jobs: TJobListItem[] }) {
  const t = await getTranslations("imports");
  const f = await getFormatter();
  return (
    <ul className="divide-y divide-slate-100">
      {jobs.map((j) => (
        <li key={j.id}>
          <Link
            href={`/imports/${j.id}`}
            className="flex flex-col gap-1 px-4 py-3 hover:bg-slate-50 sm:flex-row sm:items-center sm:gap-4"
          >
            <span className="min-w-0 flex-1">
              <span className="block truncate font-medium text-slate-900">{j.fileName}</span>
              <span className="block text-xs text-slate-500">
                {t(`kinds.${j.kind}`)} · {j.createdByName ?? "—"} ·{" "}
                {f.dateTime(j.createdAt, { dateStyle: "short", timeStyle: "short" })}
              </span>
            </span>
            <span className="flex flex-wrap items-center gap-2 text-xs text-slate-600">
              <StatusBadge status={j.status} label={t(`status.${j.status}`)} />
              {j.status === "FAILED" && j.errorCode ? null : j.status === "PREVIEW" || j.status === "DONE" ? (
                <span>
                  {t("job.counts", {
                    new: j.newCount,
                    changed: j.changedCount,
                    unchanged: j.unchangedCount,
                    errors: j.errorCount,
                  })}
                </span>
              ) : null}
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
