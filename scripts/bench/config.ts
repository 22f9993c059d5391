// Command line and sizes of `npm run bench`.
export type TSize = { branchesPerCounty: number; tasksPerBranch: number };

export type TConfig = {
  quick: boolean;
  fresh: boolean;
  /** Build the app before timing its pages (off with --skip-build: time the existing .next build). */
  build: boolean;
  /** Only time the pages (--pages-only): no other measurement, no drift check. */
  pagesOnly: boolean;
  /** Timed requests per page and role (--page-samples=N; 2 more are made first and dropped). */
  pageSamples: number;
  /** Only these pages (--pages=home,task) and roles (--roles=national,province: a prefix of the role). */
  pageFilter: string[] | null;
  roleFilter: string[] | null;
  url: string;
  size: TSize;
  readIterations: number;
  recomputeIterations: number;
  writeIterations: number;
  rushClients: number;
  rushSeconds: number;
  poolMax: number;
  /** Grassroots unions the import measurement imports (--import-rows=N). */
  importRows: number;
  /** Only the import measurement (--import-only). */
  importOnly: boolean;
};

/** Bump when the generator changes what it writes: a stored dataset of another version is regenerated. */
export const GENERATOR_VERSION = 2;

const SERVER = "postgresql://postgres@127.0.0.1:5432";

function flagValue(args: string[], name: string): string | undefined {
  const hit = args.find((a) => a.startsWith(`--${name}=`));
  return hit?.slice(name.length + 3);
}

export function parseConfig(args: string[] = process.argv.slice(2)): TConfig {
  const known = [
    "--quick",
    "--fresh",
    "--skip-build",
    "--pages-only",
    "--page-samples=",
    "--pages=",
    "--roles=",
    "--rush-seconds=",
    "--clients=",
    "--import-only",
    "--import-rows=",
  ];
  const unknown = args.filter((a) => !known.some((k) => (k.endsWith("=") ? a.startsWith(k) : a === k)));
  if (unknown.length)
    throw new Error(
      `unknown arguments: ${unknown.join(" ")} (use --quick, --fresh, --import-only, --import-rows=N, --skip-build, --pages-only, --page-samples=N, --pages=a,b, --roles=a,b, --rush-seconds=N, --clients=N)`,
    );
  const quick = args.includes("--quick");
  // The quick dataset gets its own default database so that it never replaces the full one.
  const url = process.env.DATABASE_URL || `${SERVER}/${quick ? "utt_bench_quick" : "utt_bench"}`;
  const rushClients = Number(flagValue(args, "clients") ?? 50);
  const list = (name: string) => flagValue(args, name)?.split(",").filter(Boolean) ?? null;
  return {
    quick,
    fresh: args.includes("--fresh"),
    build: !args.includes("--skip-build"),
    pagesOnly: args.includes("--pages-only"),
    pageSamples: Number(flagValue(args, "page-samples") ?? 20),
    pageFilter: list("pages"),
    roleFilter: list("roles"),
    url,
    size: quick
      ? { branchesPerCounty: 5, tasksPerBranch: 10 }
      : { branchesPerCounty: 100, tasksPerBranch: 20 },
    readIterations: quick ? 100 : 300,
    recomputeIterations: quick ? 10 : 5,
    writeIterations: quick ? 200 : 500,
    rushClients,
    rushSeconds: Number(flagValue(args, "rush-seconds") ?? (quick ? 15 : 30)),
    poolMax: rushClients + 10,
    importRows: Number(flagValue(args, "import-rows") ?? (quick ? 5_000 : 100_000)),
    importOnly: args.includes("--import-only"),
  };
}
