import { getDb } from "@/lib/db/client";
import { chinaToday } from "@/lib/dates";
import { relightDaily } from "./relight-daily";

/** The scheduled relight (instrumentation.ts): a no-op once today is relit. Failures are retried at the next tick. */
export async function runDailyRelight(): Promise<void> {
  try {
    await relightDaily(getDb(), chinaToday());
  } catch (e) {
    console.error("[scheduled] relight failed:", e instanceof Error ? e.message : "unknown error");
  }
}
