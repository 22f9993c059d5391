import type pg from "pg";
import { advanceOverdue } from "@/features/rollups/server/advance-overdue";
import { rebuildRollups } from "@/features/rollups/server/rebuild";
import { takeSnapshots } from "@/features/rollups/server/snapshots";
import { rebuildOrgCounts } from "@/features/organizations/server/org-counts";
import { prismaClient } from "./database";
import { log, timed } from "./stats";

// Roll-ups of the bulk-loaded tasks: the app's own set-based rebuild (one aggregation over every
// task and its ancestors), today's trend snapshot, and fresh planner statistics.

/** Seconds taken by the app's rebuildRollups + takeSnapshots, on a client with a large work_mem. */
export async function buildRollups(url: string, today: Date): Promise<number> {
  const db = prismaClient(url, 2, "-c work_mem=2GB -c synchronous_commit=off");
  try {
    const [rebuild] = await timed(() => rebuildRollups(db, today));
    log(`rebuildRollups: ${(rebuild / 1000).toFixed(1)} s`);
    const [counts] = await timed(() => rebuildOrgCounts(db));
    log(`rebuildOrgCounts: ${(counts / 1000).toFixed(1)} s`);
    const [snap, rows] = await timed(() => takeSnapshots(db, today));
    log(`takeSnapshots: ${rows} federations in ${(snap / 1000).toFixed(1)} s`);
    return (rebuild + snap) / 1000;
  } finally {
    await db.$disconnect();
  }
}

/** What the app's scheduled sweep does: move the overdue watermark to today, snapshot today. */
export async function runScheduledJob(url: string, today: Date): Promise<void> {
  const db = prismaClient(url, 2);
  try {
    const [t, moved] = await timed(() => advanceOverdue(db, today));
    log(`advanceOverdue: ${moved} roll-up rows moved to today's watermark in ${(t / 1000).toFixed(1)} s`);
    await takeSnapshots(db, today);
  } finally {
    await db.$disconnect();
  }
}

/**
 * VACUUM (ANALYZE) of the whole database after a load or a rebuild: fresh planner statistics, and
 * the state autovacuum keeps a live database in (hint bits set, visibility map current, a rebuild's
 * old roll-up rows gone), so that the first touch of a bulk-loaded page is not a write.
 */
export async function vacuumAnalyze(pool: pg.Pool): Promise<void> {
  const [t] = await timed(() => pool.query("VACUUM (ANALYZE)"));
  log(`VACUUM (ANALYZE): ${(t / 1000).toFixed(1)} s`);
}
