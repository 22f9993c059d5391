// Runs once per server start: the deadline-reminder sweep, now and every 10 minutes, and the
// removal of uploads never linked to a record, now and every hour. Both are idempotent, so several
// servers may run them side by side.
const EVERY_MS = 10 * 60 * 1000;
const CLEANUP_EVERY_MS = 60 * 60 * 1000;

export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // The client address the sign-in limits and the audit trail use (lib/audit/forwarded-for.ts).
  (await import("./lib/audit/forwarded-for")).installForwardedFor();
  const { runReminderSweep } = await import("./features/notifications/server/run-sweep");
  const { runUploadCleanup } = await import("./features/evidence/server/run-cleanup");
  setTimeout(() => void runReminderSweep(), 5_000).unref();
  setInterval(() => void runReminderSweep(), EVERY_MS).unref();
  setTimeout(() => void runUploadCleanup(), 15_000).unref();
  setInterval(() => void runUploadCleanup(), CLEANUP_EVERY_MS).unref();
  // Import jobs whose process is gone (a restart mid-way) end FAILED (INTERRUPTED): nothing was written.
  const { failInterruptedJobs } = await import("./features/imports/server/recover");
  const recover = () =>
    void failInterruptedJobs().catch((e: unknown) => console.error("[imports] recovery", e));
  setTimeout(recover, 5_000).unref();
  setInterval(recover, 60_000).unref();
  // Expired 初始密码单 of people imports lose their ciphertext (downloads check expiry themselves too).
  const { runPasswordSheetSweep } = await import("./features/users/import/run-sweep");
  setTimeout(() => void runPasswordSheetSweep(), 20_000).unref();
  setInterval(() => void runPasswordSheetSweep(), CLEANUP_EVERY_MS).unref();
  // 红黄绿灯: relight once per China day (at start-up when today has not been relit; the check is cheap).
  const { runDailyRelight } = await import("./features/lights/server/run-relight");
  setTimeout(() => void runDailyRelight(), 10_000).unref();
  setInterval(() => void runDailyRelight(), EVERY_MS).unref();
  // 定期报送: periods open when they come and close (漏报) after their last day, once across instances.
  const { runReportingCalendar } = await import("./features/reporting/server/run-calendar");
  setTimeout(() => void runReportingCalendar(), 25_000).unref();
  setInterval(() => void runReportingCalendar(), EVERY_MS).unref();
}
