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
}
