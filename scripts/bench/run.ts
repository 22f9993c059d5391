import os from "node:os";
import { chinaToday } from "@/lib/dates";
import type { TDb } from "@/lib/db/client";
import { parseConfig, type TConfig } from "./config";
import { appClient } from "./database";
import type { TMarker } from "./database";
import { prepareDataset } from "./dataset";
import { checkDrift, checkDriftInJs } from "./drift";
import { measureReads } from "./measure-reads";
import { ensureIndicators } from "./indicators";
import { checkIndicatorDrift } from "./indicator-drift";
import { ensureReporting } from "./reporting";
import { measureReporting } from "./measure-reporting";
import { measureIndicatorReads } from "./measure-indicators";
import { measureChainWrites } from "./measure-chain";
import { measurePages, slowestPage } from "./measure-pages";
import { measureImport } from "./measure-import";
import { measureKaoping } from "./measure-kaoping";
import { measureWrites } from "./measure-writes";
import { warmCache } from "./warm";
import { rush } from "./rush";
import { rushSql } from "./rush-sql";
import { log } from "./stats";
import { loadTargets } from "./targets";

// `npm run bench [-- --quick] [--fresh] [--import-only] [--import-rows=N]`: generate (or reuse) a national dataset on PostgreSQL,
// then measure the completion views, progress submissions and a deadline rush, and check that
// the maintained roll-ups still equal a recompute. The last line is RESULT key=value ….
const r1 = (x: number) => Math.round(x * 10) / 10;
const r2 = (x: number) => Math.round(x * 100) / 100;

async function main() {
  const cfg = parseConfig();
  const now = new Date();
  const today = chinaToday(now);
  log(
    `bench: ${cfg.quick ? "quick" : "full"} size ${JSON.stringify(cfg.size)} on ${cfg.url.replace(/\/\/[^@]*@/, "//")}`,
  );
  if (cfg.importOnly) {
    const imported = await measureImport(cfg.url, cfg.importRows);
    console.log(`RESULT mode=import-only import_100k_s=${imported.seconds} import_rows=${imported.rows}`);
    return;
  }
  const marker = await prepareDataset(cfg, today, now);
  // Indicators on a quarter of the measures (a dataset stored before them gets them now).
  await ensureIndicators(cfg.url);
  // The reporting calendar: a monthly rule on all tasks with 12 closed periods (once per dataset).
  await ensureReporting(cfg.url, today);
  // On a database of its own (fresh every run), before the app's client points at the dataset.
  const imported = await measureImport(cfg.url, cfg.importRows);
  const db = appClient(cfg.url, cfg.poolMax);
  try {
    const [size] = await db.$queryRaw<{ branches: number; tasks: number }[]>`
      SELECT (SELECT count(*) FROM "Org" WHERE level = 'GRASSROOTS')::int AS branches, (SELECT count(*) FROM "Task")::int AS tasks`;
    const { branches, tasks } = size!;
    await warmCache(db);
    const load = os.loadavg()[0]!;
    log(
      `machine: ${os.cpus().length} cores, load average ${os
        .loadavg()
        .map((x) => x.toFixed(2))
        .join(" ")} before measuring`,
    );
    log(
      `dataset: ${branches} grassroots branches, ${tasks} tasks (generated in ${marker.generateSeconds} s + roll-ups ${marker.rollupSeconds} s)`,
    );

    const result: Record<string, string | number> = {
      mode: cfg.quick ? "quick" : "full",
      branches,
      tasks,
      ...(cfg.pagesOnly ? {} : await measureDatabase(db, { cfg, today, tasks, load, marker })),
    };
    const pages = await measurePages(cfg.url, {
      build: cfg.build,
      samples: cfg.pageSamples,
      pageFilter: cfg.pageFilter,
      roleFilter: cfg.roleFilter,
    });
    const slowest = slowestPage(pages);
    result.pages_slowest_p95_ms = slowest ? r1(slowest.s.p95) : "NaN";
    result.pages_slowest = slowest ? `${slowest.page}(${slowest.role.replace(/ /g, "-")})` : "none";
    // import_100k_s: upload → preview → commit of importRows unions (100,000; 5,000 with --quick).
    result.import_100k_s = imported.seconds;
    result.import_rows = imported.rows;
    console.log(
      `RESULT ${Object.entries(result)
        .map(([k, v]) => `${k}=${v}`)
        .join(" ")}`,
    );
  } finally {
    await db.$disconnect();
  }
}

/** The database measurements (every RESULT key but the pages'). */
async function measureDatabase(
  db: TDb,
  opts: { cfg: TConfig; today: Date; tasks: number; load: number; marker: TMarker },
): Promise<Record<string, number>> {
  const { cfg, today, tasks, load, marker } = opts;
  const targets = await loadTargets(db);
  const reads = await measureReads(db, { cfg, targets, today });
  const indicatorReads = await measureIndicatorReads(db, { targets, iterations: cfg.readIterations });
  const write = await measureWrites(db, cfg.writeIterations);
  const chainWrite = await measureChainWrites(db, Math.round(cfg.writeIterations / 2));
  const rushed = await rush(db, { clients: cfg.rushClients, seconds: cfg.rushSeconds });
  const rushLoad = os.loadavg()[0]!;
  const rushSqlPerSecond = await rushSql(db, {
    url: cfg.url,
    clients: cfg.rushClients,
    seconds: Math.min(15, cfg.rushSeconds),
  });
  const drift = await checkDrift(db, today);
  const indicatorDrift = await checkIndicatorDrift(db);
  const jsDrift = tasks <= 500_000 ? await checkDriftInJs(db, today) : null;
  // After the drift checks: the close measurement adds and removes a period of its own.
  const reporting = await measureReporting(db, {
    url: cfg.url,
    today,
    targets,
    iterations: cfg.readIterations,
  });
  const kaoping = await measureKaoping(db, today);

  return {
    national_p50_ms: r2(reads.national.rollup.p50),
    national_p95_ms: r2(reads.national.rollup.p95),
    recompute_national_p50_ms: r1(reads.national.naive.p50),
    recompute_national_p95_ms: r1(reads.national.naive.p95),
    speedup: Math.round(reads.national.naive.p95 / reads.national.rollup.p95),
    province_p95_ms: r2(reads.province.rollup.p95),
    recompute_province_p95_ms: r1(reads.province.naive.p95),
    county_p95_ms: r2(reads.county.rollup.p95),
    recompute_county_p95_ms: r1(reads.county.naive.p95),
    view_national_p95_ms: r2(reads.national.view.p95),
    view_province_p95_ms: r2(reads.province.view.p95),
    view_county_p95_ms: r2(reads.county.view.p95),
    view_indicators_national_p95_ms: r2(indicatorReads.national.view.p95),
    view_indicators_province_p95_ms: r2(indicatorReads.province.view.p95),
    view_indicators_county_p95_ms: r2(indicatorReads.county.view.p95),
    write_p50_ms: r2(write.p50),
    write_p95_ms: r2(write.p95),
    write_node_cpu_ms: r1(write.nodeCpuMs),
    chain_write_p50_ms: r2(chainWrite.p50),
    chain_write_p95_ms: r2(chainWrite.p95),
    rush_per_s: Math.round(rushed.perSecond),
    rush_p95_ms: r1(rushed.latency.p95),
    rush_writes: rushed.ok,
    rush_sql_per_s: Math.round(rushSqlPerSecond),
    rush_errors: Object.values(rushed.errors).reduce((a, b) => a + b, 0),
    drift: drift.drift,
    due_drift: drift.dueDrift,
    indicator_drift: indicatorDrift.drift,
    reporting_national_p95_ms: r2(reporting.national.p95),
    reporting_read_national_p95_ms: r2(reporting.read.p95),
    close_period_s: reporting.closeSeconds,
    kaoping_counties_s: kaoping.seconds,
    kaoping_units: kaoping.units,
    ...(jsDrift === null ? {} : { js_drift: jsDrift }),
    read_mismatch: reads.mismatchedRows,
    load1: r2(load),
    load1_after_rush: r2(rushLoad),
    gen_s: marker.generateSeconds,
    rollup_s: marker.rollupSeconds,
  };
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
