"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";

const RUNNING = ["QUEUED", "PARSING", "COMMITTING"];

type TProgress = { status: string; progressDone: number; progressTotal: number };

/**
 * The progress bar of a running job: polls the job's state (in the database, so a reload or another
 * tab shows the same) and refreshes the page when the job leaves its running state.
 */
export function JobProgress({ jobId, initial }: { jobId: number; initial: TProgress }) {
  const t = useTranslations("imports");
  const router = useRouter();
  const [p, setP] = useState(initial);
  useEffect(() => {
    if (!RUNNING.includes(p.status)) return;
    const timer = setTimeout(async () => {
      const res = await fetch(`/api/imports/${jobId}`, { cache: "no-store" }).catch(() => null);
      const next = res?.ok ? ((await res.json()) as TProgress) : p;
      if (next.status !== p.status) router.refresh();
      setP({ ...next });
    }, 1000);
    return () => clearTimeout(timer);
  }, [p, jobId, router]);
  if (!RUNNING.includes(p.status)) return null;
  const pct = p.progressTotal > 0 ? Math.min(100, Math.round((100 * p.progressDone) / p.progressTotal)) : 0;
  return (
    <div className="space-y-2 p-4" aria-live="polite">
      <div
        className="h-3 w-full overflow-hidden rounded-full bg-slate-100"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
      >
        <div className="h-full rounded-full bg-brand-600 transition-all" style={{ width: `${pct}%` }} />
      </div>
      <p className="text-sm text-slate-600">
        {p.progressTotal > 0
          ? t("job.progress", { done: p.progressDone, total: p.progressTotal })
          : t("job.waiting")}
      </p>
    </div>
  );
}
