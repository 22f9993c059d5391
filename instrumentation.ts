// Runs once per server start: the deadline-reminder sweep, now and every 10 minutes.
// The sweep is idempotent (dedupe keys), so several servers may run it side by side.
const EVERY_MS = 10 * 60 * 1000;

export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // The client address the sign-in limits and the audit trail use (lib/audit/forwarded-for.ts).
  (await import("./lib/audit/forwarded-for")).installForwardedFor();
  const { runReminderSweep } = await import("./features/notifications/server/run-sweep");
  setTimeout(() => void runReminderSweep(), 5_000).unref();
  setInterval(() => void runReminderSweep(), EVERY_MS).unref();
}
