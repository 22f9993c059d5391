import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { progressReporter } from "@/features/imports/server/progress";
import { failInterruptedJobs } from "@/features/imports/server/recover";
import type { ImportStatus } from "@/lib/generated/prisma/client";
import { seedAll } from "@/prisma/seed/seed-all";
import { loadActors, type TTestActor } from "../helpers/actors";
import { ORG_HEADERS, xlsxOf } from "../helpers/import-files";
import { commitNow, uploadNow } from "../helpers/import-run";
import { createTestDb, type TTestDb } from "../helpers/test-db";

// The import job's life outside the happy path: recovery of jobs whose process died
// (failInterruptedJobs, run every minute by the job `import-recovery`), and the progress figures the
// page polls while a file is parsed and committed. Every progress write is recorded by a trigger, so
// the test sees the figures as the page would have, not only the last one.
let t: TTestDb;
let zhengding: TTestActor;
beforeAll(async () => {
  t = await createTestDb();
  await seedAll(t.db, { demoUsers: true });
  zhengding = (await loadActors(t.db)).zhengding!;
  await t.db.$executeRawUnsafe(
    `CREATE TABLE progress_log (n serial PRIMARY KEY, job int, status text, done int, total int)`,
  );
  await t.db.$executeRawUnsafe(`CREATE FUNCTION log_progress() RETURNS trigger AS $$
    BEGIN
      INSERT INTO progress_log (job, status, done, total)
        VALUES (NEW.id, NEW.status::text, NEW."progressDone", NEW."progressTotal");
      RETURN NEW;
    END $$ LANGUAGE plpgsql`);
  await t.db.$executeRawUnsafe(`CREATE TRIGGER log_progress AFTER UPDATE ON "ImportJob" FOR EACH ROW
    WHEN (OLD."progressDone" IS DISTINCT FROM NEW."progressDone"
      OR OLD."progressTotal" IS DISTINCT FROM NEW."progressTotal")
    EXECUTE FUNCTION log_progress()`);
});
afterAll(() => t.close());

async function jobIn(status: ImportStatus, updatedAt: Date): Promise<number> {
  const { id } = await t.db.importJob.create({
    data: {
      kind: "ORGS",
      orgId: zhengding.orgId,
      createdById: zhengding.id,
      status,
      fileName: "恢复.xlsx",
      fileFormat: "XLSX",
      sha256: "0".repeat(64),
      fileBytes: 1,
    },
    select: { id: true },
  });
  // @updatedAt would overwrite a value given to Prisma: set the quiet time in SQL.
  await t.db.$executeRaw`UPDATE "ImportJob" SET "updatedAt" = ${updatedAt} WHERE id = ${id}`;
  return id;
}

const progressOf = (job: number) =>
  t.db.$queryRaw<{ status: string; done: number; total: number }[]>`
    SELECT status, done, total FROM progress_log WHERE job = ${job} ORDER BY n`;

describe("recovery of interrupted jobs", () => {
  it("fails the running jobs quiet for more than 2 minutes, and nothing else", async () => {
    const now = new Date();
    const ago = (ms: number) => new Date(now.getTime() - ms);
    const quiet = {
      queued: await jobIn("QUEUED", ago(121_000)),
      parsing: await jobIn("PARSING", ago(10 * 60_000)),
      committing: await jobIn("COMMITTING", ago(3 * 3600_000)),
    };
    const untouched = {
      beating: await jobIn("COMMITTING", ago(20_000)), // its heartbeat is 20 s old
      justInside: await jobIn("PARSING", ago(119_000)),
      preview: await jobIn("PREVIEW", ago(24 * 3600_000)), // waits for a person, not a process
      done: await jobIn("DONE", ago(24 * 3600_000)),
      cancelled: await jobIn("CANCELLED", ago(24 * 3600_000)),
    };
    expect(await failInterruptedJobs(now)).toBe(3);
    const rows = await t.db.importJob.findMany({
      where: { id: { in: [...Object.values(quiet), ...Object.values(untouched)] } },
      select: { id: true, status: true, errorCode: true, finishedAt: true },
    });
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const id of Object.values(quiet))
      expect(byId.get(id)).toEqual({ id, status: "FAILED", errorCode: "INTERRUPTED", finishedAt: now });
    expect(Object.values(untouched).map((id) => byId.get(id)!.status)).toEqual([
      "COMMITTING",
      "PARSING",
      "PREVIEW",
      "DONE",
      "CANCELLED",
    ]);
    expect(Object.values(untouched).map((id) => byId.get(id)!.errorCode)).toEqual([
      null,
      null,
      null,
      null,
      null,
    ]);
    // A second run (another server) finds nothing more to do.
    expect(await failInterruptedJobs(now)).toBe(0);
  });
});

describe("progress", () => {
  it("parsing reports 0, then each chunk of 5,000 rows, up to the row count", async () => {
    const rows = Array.from({ length: 12_001 }, (_, i) => [
      `正定县进度工会${i}`,
      `PG-${String(i).padStart(5, "0")}`,
      "130123",
      "企业",
      5,
      "",
      "",
    ]);
    const job = await uploadNow(t.db, zhengding, {
      kind: "ORGS",
      bytes: await xlsxOf([ORG_HEADERS, ...rows]),
    });
    expect([job.status, job.newCount]).toEqual(["PREVIEW", 12_001]);
    expect(await progressOf(job.id)).toEqual([
      { status: "PARSING", done: 0, total: 12_001 },
      { status: "PARSING", done: 5_000, total: 12_001 },
      { status: "PARSING", done: 10_000, total: 12_001 },
      { status: "PARSING", done: 12_001, total: 12_001 },
    ]);

    // The commit counts each row twice (checked again, then written): 24,002 steps, ending full.
    const done = await commitNow(t.db, zhengding, job.id);
    expect([done.status, done.progressDone, done.progressTotal]).toEqual(["DONE", 24_002, 24_002]);
    // The confirmation resets the figures (PREVIEW → COMMITTING at 0 of 0) ...
    const [confirmed, ...commit] = (await progressOf(job.id)).slice(4);
    expect(confirmed).toEqual({ status: "COMMITTING", done: 0, total: 0 });
    // ... and the last figure is the full count: written by the commit's own DONE update, or (on PostgreSQL)
    // by the reporter just before it.
    expect(commit.at(-1)).toMatchObject({ done: 24_002, total: 24_002 });
    // Figures written while the transaction is open are steps of 5,000 rows, rising. On PostgreSQL
    // they come through another connection, so the page sees them during the commit; embedded PGlite
    // has one connection: they wait for the transaction, then find the job DONE and write nothing.
    const steps = [5_000, 10_000, 12_001, 17_001, 22_001, 24_002];
    const during = commit.filter((p) => p.status === "COMMITTING");
    expect(during.length > 0).toBe(t.kind === "postgres");
    for (const p of during) expect(steps, `${p.done}`).toContain(p.done);
    expect(during.map((p) => p.done)).toEqual([...during.map((p) => p.done)].sort((a, b) => a - b));
    expect(during.every((p) => p.total === 24_002)).toBe(true);
  });

  it("the reporter writes the latest figure, never queueing the ones in between", async () => {
    const running = await jobIn("COMMITTING", new Date());
    const report = progressReporter(running, "COMMITTING");
    report(1, 10);
    report(2, 10);
    report(3, 10);
    const settled = async (id: number, want: number) => {
      for (let i = 0; i < 500; i++) {
        const j = await t.db.importJob.findUniqueOrThrow({ where: { id } });
        if (j.progressDone === want) return j;
      }
      throw new Error(`job ${id} never reached ${want}`);
    };
    const j = await settled(running, 3);
    expect([j.progressDone, j.progressTotal]).toEqual([3, 10]);
    // 1 went out at once, 2 was replaced by 3 before it could: never written.
    expect((await progressOf(running)).map((p) => p.done)).toEqual([1, 3]);
  });
});
