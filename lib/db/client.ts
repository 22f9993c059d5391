import { PrismaClient } from "../generated/prisma/client";
import { createAdapterFactory } from "./adapter";

// The one Prisma client of the process. The password hash is omitted from every
// query unless a caller explicitly selects it (only the credential check does).
function createClient() {
  return new PrismaClient({ adapter: createAdapterFactory(), omit: { user: { passwordHash: true } } });
}

export type TDb = ReturnType<typeof createClient>;

const g = globalThis as unknown as { __prisma?: TDb };

export function getDb(): TDb {
  if (!g.__prisma) g.__prisma = createClient();
  return g.__prisma;
}

export async function disconnectDb(): Promise<void> {
  if (g.__prisma) {
    await g.__prisma.$disconnect();
    g.__prisma = undefined;
  }
}

/** Tests point the app's domain functions at their own database. */
export function setDbForTests(db: TDb | undefined): void {
  g.__prisma = db;
}

/** The client inside an interactive transaction (`db.$transaction(async (tx) => …)`). */
export type TTx = Omit<TDb, "$transaction" | "$connect" | "$disconnect" | "$on" | "$extends">;
