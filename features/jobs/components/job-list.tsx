import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import type { TSchedule } from "../lib/schedule";
import type { TJobOverview, TRunRow } from "../server/overview";
import { RunNowButton } from "./run-now-button";

const TONE = { RUNNING: "blue", SUCCEEDED: "green", FAILED: "red" } as const;

/** One card per job (readable at 360 px): schedule, last and next run, recent failures, 立即运行. */
export async function JobList({ jobs }: { jobs: TJobOverview[] }) {
  const t = await getTranslations("jobs");
  const format = await getFormatter();
  const when = (d: Date) => format.dateTime(d, { dateStyle: "short", timeStyle: "medium" });
  const scheduleText = ({ everyMinutes: n, offsetMinutes: off = 0 }: TSchedule) =>
    n === 60
      ? t("hourlyAt", { minute: String(off).padStart(2, "0") })
      : off
        ? t("everyMinutesFrom", { count: n, offset: off })
        : t("everyMinutes", { count: n });
  const runLine = (r: TRunRow) => (
    <span className="flex flex-wrap items-center gap-x-2 gap-y-1">
      <Badge tone={TONE[r.status]}>{t(`status.${r.status}`)}</Badge>
      <span className="whitespace-nowrap">{when(r.startedAt)}</span>
      {r.finishedAt && (
        <span className="text-slate-500">
          {t("duration", { seconds: ((r.finishedAt.getTime() - r.startedAt.getTime()) / 1000).toFixed(1) })}
        </span>
      )}
      {r.trigger === "MANUAL" && <Badge>{t("manual")}</Badge>}
      {r.attempt > 0 && <span className="text-slate-500">{t("retryAttempt", { attempt: r.attempt })}</span>}
    </span>
  );
  return (
    <ul className="grid gap-3" data-testid="job-list">
      {jobs.map((j) => (
        <li key={j.name} data-testid={`job-${j.name}`}>
          <Card className="p-4">
            <div className="flex flex-wrap items-start justify-between gap-2">
              <div className="min-w-0">
                <h2 className="font-semibold text-slate-800">{t(`names.${j.name}.title`)}</h2>
                <p className="text-sm text-slate-600">{t(`names.${j.name}.description`)}</p>
              </div>
              <RunNowButton name={j.name} />
            </div>
            <dl className="mt-3 grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[8rem_1fr]">
              <dt className="text-slate-500">{t("schedule")}</dt>
              <dd>
                {scheduleText(j.schedule)} <code className="text-xs text-slate-500">{j.cron}</code>
              </dd>
              <dt className="text-slate-500">{t("lastRun")}</dt>
              <dd data-testid="last-run">{j.lastRun ? runLine(j.lastRun) : t("never")}</dd>
              {j.lastRun && (
                <>
                  <dt className="text-slate-500">{t("instance")}</dt>
                  <dd className="font-mono text-xs break-all">{j.lastRun.instance}</dd>
                </>
              )}
              <dt className="text-slate-500">{t("nextRun")}</dt>
              <dd>{j.nextRunAt ? when(j.nextRunAt) : t("notScheduled")}</dd>
              <dt className="text-slate-500">{t("failures")}</dt>
              <dd>
                {j.failedCount === 0 ? (
                  t("noFailures")
                ) : (
                  <>
                    <p>{t("failedCount", { count: j.failedCount, runs: 20 })}</p>
                    <ul className="mt-1 grid gap-1">
                      {j.failures.map((f) => (
                        <li key={f.id} data-testid="job-failure">
                          {runLine(f)}
                          <p className="text-xs break-words text-brand-700">{f.error}</p>
                        </li>
                      ))}
                    </ul>
                  </>
                )}
              </dd>
            </dl>
          </Card>
        </li>
      ))}
    </ul>
  );
}
