import { getDb } from "@/lib/db/client";
import { sweepReminders } from "./sweep-reminders";

/** The scheduled sweep: failures are logged briefly and retried at the next tick. */
export async function runReminderSweep(): Promise<void> {
  try {
    await sweepReminders(getDb());
  } catch (e) {
    console.error("[reminders] sweep failed:", e instanceof Error ? e.message : "unknown error");
  }
}
