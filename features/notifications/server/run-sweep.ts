import { getDb } from "@/lib/db/client";
import { advanceOverdue } from "@/features/rollups/server/advance-overdue";
import { chinaToday } from "@/features/tasks/lib/dates";
import { sweepReminders } from "./sweep-reminders";

/** The scheduled jobs: deadline reminders and the roll-ups' overdue watermark. Failures are logged briefly and retried at the next tick. */
export async function runReminderSweep(): Promise<void> {
  try {
    await sweepReminders(getDb());
    await advanceOverdue(getDb(), chinaToday());
  } catch (e) {
    console.error("[scheduled] job failed:", e instanceof Error ? e.message : "unknown error");
  }
}
