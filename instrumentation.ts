// Runs once per server start: the client-address hook and the scheduled jobs (features/jobs): pg-boss
// on PostgreSQL (each schedule once per slot across instances), in-process timers on embedded PGlite;
// none under JOBS_DISABLED=1.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // The client address the sign-in limits and the audit trail use (lib/audit/forwarded-for.ts).
  (await import("./lib/audit/forwarded-for")).installForwardedFor();
  void (await import("./features/jobs/server/start")).startJobs();
}
