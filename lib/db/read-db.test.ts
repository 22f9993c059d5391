import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { disconnectReplicaDb, getDb, getReplicaDb, setDbForTests, type TDb } from "./client";

// A stand-in cookie jar per test: `jar: null` is a call outside any request (cookies() throws there).
type TSet = { name: string; value: string; opts: Record<string, unknown> };
const req = vi.hoisted(() => ({
  jar: null as Map<string, string> | null,
  sets: [] as TSet[],
  proto: undefined as string | undefined,
}));
vi.mock("next/headers", () => ({
  cookies: async () => {
    if (!req.jar) throw new Error("`cookies` was called outside a request scope");
    const jar = req.jar;
    return {
      get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined),
      set: (name: string, value: string, opts: Record<string, unknown>) =>
        req.sets.push({ name, value, opts }),
    };
  },
  headers: async () => new Headers(req.proto ? { "x-forwarded-proto": req.proto } : {}),
}));
const { RECENT_WRITE_COOKIE, getReadDb, markRecentWrite, readTarget } = await import("./read-db");

const primary = { primary: true } as unknown as TDb;
const saved = { ...process.env };

beforeEach(() => {
  setDbForTests(primary);
  req.jar = new Map();
  req.sets = [];
  req.proto = undefined;
  process.env.DATABASE_URL = "postgresql://127.0.0.1:1/primary";
  process.env.DATABASE_REPLICA_URL = "postgresql://127.0.0.1:1/replica";
});
afterEach(async () => {
  await disconnectReplicaDb();
  setDbForTests(undefined);
  for (const k of ["DATABASE_URL", "DATABASE_REPLICA_URL", "NEXTAUTH_URL"]) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
});

describe("read target", () => {
  it("is the replica when one is configured and the user has not just written", async () => {
    expect(await readTarget()).toBe("replica");
    const db = await getReadDb();
    expect(db).toBe(getReplicaDb());
    expect(db).not.toBe(primary);
  });

  it("is the primary while the recent-write cookie is there", async () => {
    req.jar!.set(RECENT_WRITE_COOKIE, "1");
    expect(await readTarget()).toBe("primary");
    expect(await getReadDb()).toBe(primary);
  });

  it("is the primary when no replica is configured (cookie or not)", async () => {
    delete process.env.DATABASE_REPLICA_URL;
    expect(await readTarget()).toBe("primary");
    expect(await getReadDb()).toBe(primary);
    expect(getReplicaDb()).toBe(getDb());
    req.jar!.set(RECENT_WRITE_COOKIE, "1");
    expect(await readTarget()).toBe("primary");
  });

  it("is the replica outside a request (a job or script has no writes of its own to see)", async () => {
    req.jar = null;
    expect(await readTarget()).toBe("replica");
  });

  it("refuses a replica without a primary URL (embedded PGlite has no replica)", async () => {
    delete process.env.DATABASE_URL;
    await expect(readTarget()).rejects.toThrow(/DATABASE_REPLICA_URL needs DATABASE_URL/);
  });
});

describe("markRecentWrite", () => {
  it("sets utt-rw: HttpOnly, SameSite=Lax, 10 s, path /", async () => {
    await markRecentWrite();
    expect(req.sets).toEqual([
      {
        name: "utt-rw",
        value: "1",
        opts: { httpOnly: true, sameSite: "lax", maxAge: 10, path: "/", secure: false },
      },
    ]);
  });

  it("is Secure over HTTPS", async () => {
    process.env.NEXTAUTH_URL = "https://utt.example.cn";
    await markRecentWrite();
    expect(req.sets[0]?.opts.secure).toBe(true);
  });

  it("does nothing without a replica, nor outside a request", async () => {
    delete process.env.DATABASE_REPLICA_URL;
    await markRecentWrite();
    process.env.DATABASE_REPLICA_URL = "postgresql://127.0.0.1:1/replica";
    req.jar = null;
    await expect(markRecentWrite()).resolves.toBeUndefined();
    expect(req.sets).toEqual([]);
  });
});
