import { GENERATOR_VERSION, type TConfig } from "./config";
import {
  appliedMigrations,
  bulkPool,
  ensureDatabase,
  migrate,
  readMarker,
  writeMarker,
  type TMarker,
} from "./database";
import { generateDataset } from "./generate";
import { buildRollups, runScheduledJob, vacuumAnalyze } from "./rollups";
import { log, timed } from "./stats";
import { formatDay } from "@/lib/dates";

const sameSize = (m: TMarker, c: TConfig) =>
  m.version === GENERATOR_VERSION &&
  m.size.branchesPerCounty === c.size.branchesPerCounty &&
  m.size.tasksPerBranch === c.size.tasksPerBranch;

/**
 * Makes sure the database holds the requested dataset: reused when the marker says it is there
 * (after applying any new migration; a changed migration set rebuilds the roll-ups), otherwise
 * dropped, migrated, seeded, generated and rolled up from scratch.
 */
export async function prepareDataset(cfg: TConfig, today: Date, now: Date): Promise<TMarker> {
  const marker = cfg.fresh ? null : await readMarker(cfg.url);
  if (marker && sameSize(marker, cfg)) {
    log(
      `reusing the dataset generated ${marker.generatedAt} (${JSON.stringify(marker.size)}); --fresh regenerates it`,
    );
    migrate(cfg.url, false);
    const migrations = await appliedMigrations(cfg.url);
    if (migrations.join() !== marker.migrations.join()) {
      log("the migrations changed since the roll-ups were built: rebuilding them");
      const pool = bulkPool(cfg.url, 2);
      try {
        marker.rollupSeconds = Math.round((await buildRollups(cfg.url, today)) * 10) / 10;
        await vacuumAnalyze(pool);
      } finally {
        await pool.end();
      }
      marker.migrations = migrations;
      await writeMarker(cfg.url, marker);
    } else await runScheduledJob(cfg.url, today);
    return marker;
  }
  log(marker ? "the stored dataset has another size: regenerating" : "generating the dataset");
  await ensureDatabase(cfg.url, true);
  const [setup] = await timed(async () => migrate(cfg.url, true));
  const pool = bulkPool(cfg.url, 2);
  try {
    const [gen, counts] = await timed(() =>
      generateDataset(pool, { size: cfg.size, today: formatDay(today), now: now.toISOString() }),
    );
    log(`generated ${JSON.stringify(counts)} in ${(gen / 1000).toFixed(1)} s`);
    const rollupSeconds = await buildRollups(cfg.url, today);
    await vacuumAnalyze(pool);
    const next: TMarker = {
      version: GENERATOR_VERSION,
      size: cfg.size,
      generatedAt: now.toISOString(),
      generateSeconds: Math.round((setup + gen) / 100) / 10,
      rollupSeconds: Math.round(rollupSeconds * 10) / 10,
      migrations: await appliedMigrations(cfg.url),
    };
    await writeMarker(cfg.url, next);
    return next;
  } finally {
    await pool.end();
  }
}
