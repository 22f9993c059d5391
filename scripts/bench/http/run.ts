import { chinaToday } from "@/lib/dates";
import { buildApp, sharedSettings, signIn, startApp, stopApp, type TApp } from "../app-server";
import { parseConfig } from "../config";
import { appClient } from "../database";
import { prepareDataset } from "../dataset";
import { checkDrift } from "../drift";
import { checkIndicatorDrift } from "../indicator-drift";
import { ensureIndicators } from "../indicators";
import { preparePageUsers } from "../page-users";
import { ensureReporting } from "../reporting";
import { log } from "../stats";
import { assignThroughHttp, removeBenchMeasures } from "./assign-http";
import { exportThroughHttp } from "./export-http";
import { errorCount } from "./load";
import { rushHttp } from "./rush-http";
import { measurePageLoads } from "./ttfb";

// `npm run bench:http [-- --quick] [--instances=1,2] [--clients=N] [--rush-seconds=N] [--page-samples=N]
// [--skip-build] [--fresh]`: the benchmark dataset (as `npm run bench` makes it) served by the built app,
// 1 and then 2 instances of `next start` on one database, measured through real HTTP by signed-in
// clients: the 进展填报 rush, 完成情况 page loads, the national 台账 export and 下达 to a province's and
// the nation's grassroots unions. The last line is RESULT key=value ….
const r1 = (x: number) => Math.round(x * 10) / 10;

function ownFlags(args: string[]) {
  const instances = args.find((a) => a.startsWith("--instances="))?.slice(12) ?? "1,2";
  return {
    instances: instances
      .split(",")
      .map(Number)
      .filter((n) => n >= 1),
    rest: args.filter((a) => !a.startsWith("--instances=")),
  };
}

async function main() {
  const own = ownFlags(process.argv.slice(2));
  const cfg = parseConfig(own.rest);
  const now = new Date();
  const today = chinaToday(now);
  log(`bench:http: ${cfg.quick ? "quick" : "full"} size on ${cfg.url.replace(/\/\/[^@]*@/, "//")}`);
  await prepareDataset(cfg, today, now);
  await ensureIndicators(cfg.url);
  await ensureReporting(cfg.url, today);
  await removeBenchMeasures(cfg.url); // left by a run that stopped half-way
  buildApp(cfg.build);
  const pageUsers = await preparePageUsers(cfg.url);
  const [national, province, county] = pageUsers.users;
  // The instances share the session secret and data folder; none runs the scheduled jobs, and none
  // compresses (the reverse proxy does, DEPLOY.md).
  const shared = sharedSettings({ JOBS_DISABLED: "1", HTTP_COMPRESS: "0" });
  const samples = cfg.quick ? 30 : cfg.pageSamples * 5;
  const result: Record<string, string | number> = {
    mode: cfg.quick ? "quick" : "full",
    instances: own.instances.join("+"),
  };
  const db = appClient(cfg.url, 4);
  try {
    const [size] = await db.$queryRaw<{ branches: number; tasks: number }[]>`
      SELECT (SELECT count(*) FROM "Org" WHERE level = 'GRASSROOTS')::int AS branches, (SELECT count(*) FROM "Task")::int AS tasks`;
    Object.assign(result, size);
    let errors = 0;
    for (const [i, n] of own.instances.entries()) {
      const apps: TApp[] = await Promise.all(Array.from({ length: n }, () => startApp(cfg.url, shared)));
      const bases = apps.map((a) => a.base);
      const sfx = i === 0 ? "" : `_${n}i`;
      log(`bench:http: ${n} instance(s) at ${bases.join(" ")}`);
      try {
        const cookie = async (u: { username: string }) => signIn(bases[0]!, u.username, pageUsers.password);
        const cookies = {
          national: await cookie(national!),
          province: await cookie(province!),
          county: await cookie(county!),
        };
        for (const level of ["national", "province", "county"] as const) {
          const load = await measurePageLoads(`${n}× /completion ${level}`, {
            bases,
            path: "/completion",
            cookie: cookies[level],
            samples,
          });
          result[`ttfb_${level}_p50_ms${sfx}`] = r1(load.ttfb.p50);
          result[`ttfb_${level}_p95_ms${sfx}`] = r1(load.ttfb.p95);
          result[`page_${level}_p95_ms${sfx}`] = r1(load.full.p95);
        }
        const rushed = await rushHttp(db, {
          url: cfg.url,
          bases,
          clients: cfg.rushClients,
          seconds: cfg.rushSeconds,
        });
        errors += errorCount(rushed);
        result[`http_rush_per_s${sfx}`] = Math.round(rushed.perSecond);
        result[`http_rush_p50_ms${sfx}`] = r1(rushed.latency.p50);
        result[`http_rush_p95_ms${sfx}`] = r1(rushed.latency.p95);
        if (i > 0) continue;
        const exported = await exportThroughHttp({
          base: bases[0]!,
          serverPid: apps[0]!.server.pid!,
          cookie: cookies.national,
        });
        result.export_rows = exported.rows;
        result.export_rows_per_s = Math.round(exported.rowsPerSecond);
        result.export_rss_growth_mb = Math.round(exported.rssPeakMb - exported.rssStartMb);
        const assigned = await assignThroughHttp({
          url: cfg.url,
          base: bases[0]!,
          provinceCookie: cookies.province,
          nationalCookie: cookies.national,
        });
        result.assign_10k_s = Math.round(assigned.province.seconds * 100) / 100;
        result.assign_10k_orgs = assigned.province.tasks;
        result.assign_national_s = r1(assigned.national.seconds);
        result.assign_national_orgs = assigned.national.tasks;
      } finally {
        await Promise.all(apps.map(stopApp));
      }
    }
    result.http_rush_errors = errors;
    // Every maintained roll-up against a recompute, after the rushes and the 下达 (before clean-up).
    const drift = await checkDrift(db, today);
    result.drift = drift.drift + drift.dueDrift + drift.lightDrift;
    result.indicator_drift = (await checkIndicatorDrift(db)).drift;
  } finally {
    await db.$disconnect();
    await removeBenchMeasures(cfg.url);
  }
  console.log(
    `RESULT ${Object.entries(result)
      .map(([k, v]) => `${k}=${v}`)
      .join(" ")}`,
  );
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
