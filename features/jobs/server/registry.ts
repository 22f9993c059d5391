import type { TDb } from "@/lib/db/client";
import { chinaToday } from "@/lib/dates";
import { removeUnlinkedUploads } from "@/features/evidence/server/remove-unlinked";
import { failInterruptedJobs } from "@/features/imports/server/recover";
import { relightDaily } from "@/features/lights/server/relight-daily";
import { sweepReminders } from "@/features/notifications/server/sweep-reminders";
import { closeDuePeriods } from "@/features/reporting/server/close-period";
import { openDuePeriods } from "@/features/reporting/server/open-periods";
import { sweepReportReminders } from "@/features/reporting/server/sweep-report-reminders";
import { advanceOverdue } from "@/features/rollups/server/advance-overdue";
import { takeSnapshots } from "@/features/rollups/server/snapshots";
import { sweepPasswordSheets } from "@/features/users/import/password-sheet";
import type { TJobName } from "../lib/names";
import type { TSchedule } from "../lib/schedule";
import { pruneJobRuns } from "./prune";

/** What a run did, stored on its JobRun row (counts only: no names, no content). */
export type TJobSummary = Record<string, number | boolean>;

export type TJobDef = {
  name: TJobName;
  schedule: TSchedule;
  /** pg-boss: tries after the first (0: the next slot is the retry), delay before the first retry
   * (seconds, doubled each time with jitter) and its cap. The in-process runner retries at the next tick. */
  retry: { limit: number; delaySeconds: number; maxDelaySeconds: number };
  /** pg-boss fails (and retries) a run still active after this long. */
  expireInSeconds: number;
  /** In-process runner only: the first run after start-up, staggered as before pg-boss. */
  startupDelayMs: number;
  /** Every job is idempotent: a retry or a manual run beside a scheduled one changes nothing twice. */
  run: (db: TDb) => Promise<TJobSummary>;
};

const RETRY_10MIN = { limit: 3, delaySeconds: 30, maxDelaySeconds: 300 };
const RETRY_HOURLY = { limit: 3, delaySeconds: 60, maxDelaySeconds: 900 };

/** Every scheduled job of the app, in the order /system/jobs lists them. */
export const JOBS: readonly TJobDef[] = [
  {
    name: "task-reminders",
    schedule: { everyMinutes: 10 },
    retry: RETRY_10MIN,
    expireInSeconds: 600,
    startupDelayMs: 5_000,
    run: async (db) => sweepReminders(db),
  },
  {
    // The roll-ups' overdue watermark: reads are exact without it, it only keeps them cheap.
    name: "rollup-watermark",
    schedule: { everyMinutes: 10, offsetMinutes: 1 },
    retry: RETRY_10MIN,
    expireInSeconds: 1800,
    startupDelayMs: 6_000,
    run: async (db) => ({ moved: await advanceOverdue(db, chinaToday()) }),
  },
  {
    // Today's trend snapshot per federation and plan follows the day; earlier days keep their last value.
    name: "trend-snapshots",
    schedule: { everyMinutes: 10, offsetMinutes: 2 },
    retry: RETRY_10MIN,
    expireInSeconds: 600,
    startupDelayMs: 7_000,
    run: async (db) => ({ rows: await takeSnapshots(db, chinaToday()) }),
  },
  {
    // Once per China day (relightDaily keeps a marker); the 10-minute ticks only notice a new day.
    name: "daily-relight",
    schedule: { everyMinutes: 10, offsetMinutes: 3 },
    retry: RETRY_10MIN,
    expireInSeconds: 1800,
    startupDelayMs: 10_000,
    run: async (db) => {
      const r = await relightDaily(db, chinaToday());
      return { ran: r.ran, changed: r.changed };
    },
  },
  {
    // 定期报送: open the periods that have come, close those that ended (漏报), remind and 催办.
    name: "reporting-calendar",
    schedule: { everyMinutes: 10, offsetMinutes: 5 },
    retry: RETRY_10MIN,
    expireInSeconds: 600,
    startupDelayMs: 25_000,
    run: async (db) => {
      const today = chinaToday();
      const opened = await openDuePeriods(db, today);
      const closed = await closeDuePeriods(db, today);
      const reminded = await sweepReportReminders(db);
      return { opened: opened.length, closed: closed.length, ...reminded };
    },
  },
  {
    // Import jobs whose process is gone end FAILED (INTERRUPTED): nothing was written.
    name: "import-recovery",
    schedule: { everyMinutes: 1 },
    retry: { limit: 0, delaySeconds: 0, maxDelaySeconds: 0 },
    expireInSeconds: 120,
    startupDelayMs: 5_000,
    run: async () => ({ failed: await failInterruptedJobs() }),
  },
  {
    name: "upload-cleanup",
    schedule: { everyMinutes: 60, offsetMinutes: 7 },
    retry: RETRY_HOURLY,
    expireInSeconds: 1800,
    startupDelayMs: 15_000,
    run: async (db) => ({ removed: await removeUnlinkedUploads(db) }),
  },
  {
    // Expired 初始密码单 lose their ciphertext (downloads check the expiry themselves too).
    name: "password-sheet-sweep",
    schedule: { everyMinutes: 60, offsetMinutes: 17 },
    retry: RETRY_HOURLY,
    expireInSeconds: 600,
    startupDelayMs: 20_000,
    run: async (db) => ({ wiped: await sweepPasswordSheets(db) }),
  },
  {
    name: "job-runs-prune",
    schedule: { everyMinutes: 60, offsetMinutes: 37 },
    retry: RETRY_HOURLY,
    expireInSeconds: 600,
    startupDelayMs: 30_000,
    run: async (db) => pruneJobRuns(db),
  },
];

export function findJob(name: string): TJobDef | undefined {
  return JOBS.find((j) => j.name === name);
}
