import type { TTx } from "./client";

// The org tree changes (move, merge, close) and the writes that read an org's path to create a
// task (下达 and 转派 through resolveTargets, 认领) take turns on one advisory lock: the tree changes
// exclusively, the others shared (they do not wait for each other). Without it a task created
// while its org moved could keep the old path. Held until the transaction ends.
const TREE_LOCK_KEY = 720_013_002;

/** For a write that creates tasks from org paths. */
export async function lockTreeShared(tx: Pick<TTx, "$executeRaw">): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock_shared(${TREE_LOCK_KEY}::bigint)`;
}

/** For a tree change. */
export async function lockTreeExclusive(tx: Pick<TTx, "$executeRaw">): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${TREE_LOCK_KEY}::bigint)`;
}
