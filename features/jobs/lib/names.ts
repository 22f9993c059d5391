// The scheduled jobs by name: the pg-boss queue names, JobRun.job, the i18n keys (jobs.names.*) and
// the input of 立即运行. Client-safe: the page and the action's schema read it too.
export const JOB_NAMES = [
  "task-reminders",
  "rollup-watermark",
  "trend-snapshots",
  "daily-relight",
  "reporting-calendar",
  "import-recovery",
  "upload-cleanup",
  "password-sheet-sweep",
  "job-runs-prune",
] as const;

export type TJobName = (typeof JOB_NAMES)[number];
