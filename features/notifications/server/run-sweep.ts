import { getDb } from "@/lib/db/client";
import { advanceOverdue } from "@/features/rollups/server/advance-overdue";
import { takeSnapshots } from "@/features/rollups/server/snapshots";
import { chinaToday } from "@/lib/dates";
import { sweepReminders } from "./sweep-reminders";

/**
 * The scheduled jobs: deadline reminders, the roll-ups' overdue watermark and today's trend
 * snapshot. Failures are logged briefly and retried at the next tick.
 */
export async function runReminderSweep(): Promise<void> {
  try {
    await sweepReminders(getDb());
    await advanceOverdue(getDb(), chinaToday());
    await takeSnapshots(getDb(), chinaToday());
  } catch (e) {
    console.error("[scheduled] job failed:", e instanceof Error ? e.message : "unknown error");
  }
}
