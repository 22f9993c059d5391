import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import { addDays, chinaToday, formatDay } from "@/lib/dates";
import { TASK_STATUSES } from "@/lib/task-status";
import { taskLight, type TReportFlag } from "@/features/lights/lib/light";
import { lightSql } from "@/features/lights/lib/light-sql";
import { createTestDb, type TTestDb } from "../helpers/test-db";

// One rule, two forms: the TypeScript function and the generated SQL agree on many random tasks,
// drawn close to the boundaries (due today / in N days, lag exactly X, creation near midnight in China).
let t: TTestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());

let seed = 14_003;
const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;

describe("the light rule in TypeScript and in SQL", () => {
  it("agree on 3,000 random tasks", async () => {
    const base = chinaToday();
    const cases = Array.from({ length: 3000 }, () => {
      const today = addDays(base, int(-3, 3));
      const span = int(-3, 60);
      const created = new Date(
        addDays(today, -int(-2, 40)).getTime() + pick([0, 15.9, 16, 16.1, 23.99, int(0, 23)]) * 3_600_000,
      );
      const progress = pick([
        0,
        100,
        int(0, 100),
        int(0, 100),
        Math.round(rand() * 100 * 1e6) / 1e6,
        100 / 3,
      ]);
      return {
        status: pick(TASK_STATUSES),
        dueDate: addDays(chinaToday(created), span),
        createdAt: created,
        progress,
        reportFlag: pick(["NONE", "NONE", "LATE", "MISSING"] as TReportFlag[]),
        dueSoonDays: pick([0, 3, int(0, 30)]),
        lagPoints: pick([0, 20, 100, int(0, 100)]),
        today,
      };
    });
    const col = <K extends keyof (typeof cases)[number]>(k: K) => cases.map((c) => c[k]);
    const rows = await t.db.$queryRaw<{ i: number; light: string | null }[]>`
      SELECT c.i::int AS i, ${lightSql({
        status: Prisma.sql`c.status`,
        dueDate: Prisma.sql`c.due`,
        createdAt: Prisma.sql`c.created`,
        progress: Prisma.sql`c.progress`,
        reportFlag: Prisma.sql`c.flag`,
        dueSoonDays: Prisma.sql`c.n`,
        lagPoints: Prisma.sql`c.x`,
        today: Prisma.sql`c.today`,
      })}::text AS light
      FROM unnest(${col("status")}::text[], ${col("dueDate").map(formatDay)}::date[],
        ${col("createdAt").map((d) => d.toISOString())}::timestamp[], ${col("progress")}::float8[],
        ${col("reportFlag")}::text[], ${col("dueSoonDays")}::int[], ${col("lagPoints")}::int[],
        ${col("today").map(formatDay)}::date[])
        WITH ORDINALITY AS c(status, due, created, progress, flag, n, x, today, i)
      ORDER BY c.i`;
    expect(rows).toHaveLength(cases.length);
    const seen = new Set<string | null>();
    rows.forEach((r, i) => {
      const c = cases[i]!;
      const ts = taskLight(c, c, c.today);
      seen.add(ts);
      expect(r.light, JSON.stringify(c)).toBe(ts);
    });
    expect(seen).toEqual(new Set([null, "RED", "YELLOW", "GREEN"]));
  });
});
