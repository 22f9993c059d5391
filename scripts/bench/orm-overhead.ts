import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { taskScopeWhere } from "@/lib/auth/scope";

// Diagnostic (`npx tsx scripts/bench/orm-overhead.ts`): wall and Node CPU time of single queries
// through plain pg and through the app's Prisma client (driver adapter + query compiler), one at a
// time. It explains the write numbers: a 进展填报 costs 14 Prisma queries.
const url = process.env.DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/utt_bench";
const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 2 }) });
const raw = new pg.Pool({ connectionString: url, max: 2 });

async function measure(label: string, n: number, fn: () => Promise<unknown>) {
  for (let i = 0; i < 20; i++) await fn();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < n; i++) await fn();
  const c = process.cpuUsage(c0);
  console.log(
    `${label.padEnd(42)} wall ${((performance.now() - t0) / n).toFixed(2)} ms  Node CPU ${((c.user + c.system) / 1000 / n).toFixed(2)} ms`,
  );
}

const taskId = (await raw.query(`SELECT min(id) AS id FROM "Task"`)).rows[0].id as number;
await measure("pg: SELECT 1", 500, () => raw.query("SELECT 1"));
await measure("pg: task by id", 500, () =>
  raw.query(`SELECT id, version FROM "Task" WHERE id = $1`, [taskId]),
);
await measure("prisma: $queryRaw SELECT 1", 500, () => db.$queryRaw`SELECT 1`);
await measure("prisma: task.findUnique", 500, () =>
  db.task.findUnique({ where: { id: taskId }, select: { id: true, version: true } }),
);
await measure("prisma: task + 4 relations (loadTaskForAction)", 300, () =>
  db.task.findFirst({
    where: { id: taskId, ...taskScopeWhere({ orgId: 1 }) },
    select: {
      id: true,
      version: true,
      status: true,
      objective: { select: { code: true, title: true } },
      org: { select: { name: true } },
      reviewOrg: { select: { ancestorIds: true, name: true } },
      helpers: { select: { userId: true } },
    },
  }),
);
await measure("prisma: empty interactive $transaction", 300, () => db.$transaction(async () => 1));
await db.$disconnect();
await raw.end();
