// Deterministic pseudo-random draws inside SQL: a uniform [0, 1) from a row key and a seed.
// Unlike random(), they are immutable, so the planner can flatten the generating queries,
// and a regenerated dataset is the same dataset.
export const u = (key: string, seed: number): string =>
  `((hashint8extended((${key})::bigint, ${seed}) & 9007199254740991)::float8 / 9007199254740992.0)`;

/** Bench branches (as opposed to the seed's demo branches): code = county code + "B" + 3 digits. */
export const BENCH_BRANCH = `o.level = 'GRASSROOTS' AND o.code LIKE '%B___'`;
