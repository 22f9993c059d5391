// npm run calendar:run — runs the 定期报送 calendar once, now: opens the periods that have come,
// closes those that have ended (漏报), sends the reminders and 催办. The app does this itself every
// 10 minutes (the job `reporting-calendar`, features/jobs); this is for catching up at once after an outage, and for the
// e2e suite. Idempotent, safe beside running app instances (on PostgreSQL; an embedded PGlite
// folder can be opened by one process only, so stop the app first there).
import { closePglite } from "../lib/db/adapter";
import { disconnectDb, getDb } from "../lib/db/client";
import { chinaToday, formatDay } from "../lib/dates";
import { closeDuePeriods } from "../features/reporting/server/close-period";
import { openDuePeriods } from "../features/reporting/server/open-periods";
import { sweepReportReminders } from "../features/reporting/server/sweep-report-reminders";

async function main() {
  const db = getDb();
  const today = chinaToday();
  const opened = await openDuePeriods(db, today);
  const closed = await closeDuePeriods(db, today);
  await sweepReportReminders(db);
  console.log(`calendar:run ${formatDay(today)}: opened ${opened.length} period(s), closed ${closed.length}`);
}

main()
  .catch((e) => {
    console.error("calendar:run failed:", e instanceof Error ? e.message : e);
    process.exitCode = 1;
  })
  .finally(async () => {
    await disconnectDb();
    await closePglite();
  });
