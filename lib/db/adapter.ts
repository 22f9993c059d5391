import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { dataDir, getEnv } from "../env";

// One PGlite instance per process: only one process may open a data directory,
// and Next's dev server re-evaluates modules, so the instance lives on globalThis.
const g = globalThis as unknown as { __pglite?: PGlite };

export function pgliteDir(): string {
  return path.join(dataDir(), "pglite");
}

export function getPglite(): PGlite {
  if (!g.__pglite) {
    const dir = pgliteDir();
    fs.mkdirSync(dir, { recursive: true });
    g.__pglite = new PGlite(dir);
  }
  return g.__pglite;
}

export async function closePglite(): Promise<void> {
  if (g.__pglite) {
    const db = g.__pglite;
    g.__pglite = undefined;
    await db.close();
  }
}

export function usingPostgres(): boolean {
  return Boolean(getEnv().DATABASE_URL);
}

/** The adapter factory for the configured mode: PostgreSQL when DATABASE_URL is set, PGlite otherwise. */
export function createAdapterFactory(): PrismaPg {
  const url = getEnv().DATABASE_URL;
  if (url) return pgAdapterFactory(url);
  // pglite-prisma-adapter 0.6 is typed against older driver-adapter types; at run
  // time it implements the same factory interface. The cast is confined here.
  return new PrismaPGlite(getPglite()) as unknown as PrismaPg;
}

/**
 * The replica's factory: the same pool settings, and every session read-only
 * (default_transaction_read_only), so a write sent there by mistake fails instead of
 * succeeding on a server that would refuse it later, or on a primary given as the replica URL.
 */
export function createReplicaAdapterFactory(url: string): PrismaPg {
  return pgAdapterFactory(url, { options: "-c default_transaction_read_only=on" });
}

function pgAdapterFactory(url: string, extra: { options?: string } = {}): PrismaPg {
  // Idle connections are kept for 5 minutes (pg's default closes them after 10 s): a new
  // PostgreSQL backend spends its first queries loading catalog caches (10–50 ms of planning on
  // the Task table), which the first page after every quiet spell would pay.
  return new PrismaPg({
    connectionString: url,
    max: Number(process.env.DB_POOL_MAX ?? 10),
    idleTimeoutMillis: 300_000,
    // Idle connections never keep a process alive: the server has its listener, while scripts and the
    // Prisma CLI (prisma.config.ts uses this factory) would otherwise wait out the idle timeout at exit.
    allowExitOnIdle: true,
    ...extra,
  });
}
