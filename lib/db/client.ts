import { PrismaClient } from "../generated/prisma/client";
import { getEnv } from "../env";
import { createAdapterFactory, createReplicaAdapterFactory } from "./adapter";

// The one Prisma client of the process. The password hash is omitted from every
// query unless a caller explicitly selects it (only the credential check does).
function createClient(adapter = createAdapterFactory()) {
  return new PrismaClient({ adapter, omit: { user: { passwordHash: true } } });
}

export type TDb = ReturnType<typeof createClient>;

const g = globalThis as unknown as { __prisma?: TDb; __replica?: { url: string; db: TDb } };

export function getDb(): TDb {
  if (!g.__prisma) g.__prisma = createClient();
  return g.__prisma;
}

export async function disconnectDb(): Promise<void> {
  await disconnectReplicaDb();
  if (g.__prisma) {
    await g.__prisma.$disconnect();
    g.__prisma = undefined;
  }
}

/**
 * The client on DATABASE_REPLICA_URL, whose sessions are read-only (a write through it fails);
 * the primary's client when no replica is configured. Callers choose through lib/db/read-db.ts.
 */
export function getReplicaDb(): TDb {
  const url = getEnv().DATABASE_REPLICA_URL;
  if (!url) return getDb();
  if (g.__replica?.url !== url) {
    void g.__replica?.db.$disconnect();
    g.__replica = { url, db: createClient(createReplicaAdapterFactory(url)) };
  }
  return g.__replica.db;
}

export async function disconnectReplicaDb(): Promise<void> {
  if (g.__replica) {
    const { db } = g.__replica;
    g.__replica = undefined;
    await db.$disconnect();
  }
}

/** Tests point the app's domain functions at their own database. */
export function setDbForTests(db: TDb | undefined): void {
  g.__prisma = db;
}

/** The client inside an interactive transaction (`db.$transaction(async (tx) => …)`). */
export type TTx = Omit<TDb, "$transaction" | "$connect" | "$disconnect" | "$on" | "$extends">;
