// Deterministic pseudo-random draws inside SQL: a uniform [0, 1) from a row key and a seed.
// Unlike random(), they are immutable, so the planner can flatten the generating queries,
// and a regenerated dataset is the same dataset.
export const u = (key: string, seed: number): string =>
  `((hashint8extended((${key})::bigint, ${seed}) & 9007199254740991)::float8 / 9007199254740992.0)`;

/** Bench branches (as opposed to the seed's demo branches): code = county code + "B" + 3 digits. */
export const BENCH_BRANCH = `o.level = 'GRASSROOTS' AND o.code LIKE '%B___'`;

/**
 * "Completed on time", exactly as features/rollups/server/recompute.ts and rebuild.ts write it, so
 * that the naive view and the drift check compare like with like: completedAt is a UTC timestamp
 * without time zone, so it is read as UTC and converted to China's calendar day.
 */
export const ON_TIME = `(t."completedAt" AT TIME ZONE 'UTC' AT TIME ZONE 'Asia/Shanghai')::date <= t."dueDate"`;
