import { getDb } from "@/lib/db/client";
import { chinaToday } from "@/lib/dates";
import { closeDuePeriods } from "./close-period";
import { openDuePeriods } from "./open-periods";
import { sweepReportReminders } from "./sweep-report-reminders";

/**
 * The scheduled reporting calendar (instrumentation.ts, every 10 minutes): opens the periods that
 * have come, closes those that have ended (漏报), then sends the reminders and 催办 of the open
 * ones. All are idempotent across instances.
 * Failures are retried at the next tick.
 */
export async function runReportingCalendar(): Promise<void> {
  try {
    const db = getDb();
    const today = chinaToday();
    await openDuePeriods(db, today);
    await closeDuePeriods(db, today);
    await sweepReportReminders(db);
  } catch (e) {
    console.error("[scheduled] reporting calendar failed:", e instanceof Error ? e.message : "unknown error");
  }
}
