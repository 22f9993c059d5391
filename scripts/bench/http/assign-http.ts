import crypto from "node:crypto";
import pg from "pg";
import { addDays, chinaToday, formatDay } from "@/lib/dates";
import { log } from "../stats";
import { callAction, failureOf, findAction } from "./action";

// 下达 through HTTP (assignTasksAction, as the 下达 form sends it) of a measure made for the run:
// by the Hebei manager to every grassroots union of Hebei, then by the national manager to every
// grassroots union of the country. One 下达 creates at most 50,000 tasks (MAX_TASKS_PER_BATCH:
// a larger one is refused and split by the user), so the national one is sent as one 下达 per
// province, one after another, and timed as a whole. Afterwards the measure and everything made
// for it are deleted, so the stored dataset stays as it was.
const TITLE = "bench http 下达";

export type TAssignRun = { orgs: number; tasks: number; seconds: number; requests: number };

async function createMeasure(client: pg.Client): Promise<number> {
  const { rows } = await client.query<{ id: number }>(`
    INSERT INTO "Objective" (code, level, "planId", "parentId", title, "sourceText", "sortOrder", "updatedAt")
    SELECT s.code || '.' || (900 + (SELECT count(*) FROM "Objective" WHERE title = '${TITLE}')),
           'MEASURE', s."planId", s.id, '${TITLE}', '${TITLE}', 900, now()
    FROM "Objective" s WHERE s.level = 'SUB_ITEM' ORDER BY s.code LIMIT 1
    RETURNING id`);
  return rows[0]!.id;
}

/** Deletes the run's measures, their tasks and every row that points at either (one level of references below). */
export async function removeBenchMeasures(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("BEGIN");
    const ids = (await client.query<{ id: number }>(`SELECT id FROM "Objective" WHERE title = $1`, [TITLE]))
      .rows;
    if (ids.length) {
      const objectiveIds = ids.map((r) => r.id);
      const tasks = `SELECT id FROM "Task" WHERE "objectiveId" = ANY($1)`;
      const batches = (
        await client.query<{ id: number }>(
          `SELECT DISTINCT "batchId" AS id FROM "Task" WHERE "objectiveId" = ANY($1)`,
          [objectiveIds],
        )
      ).rows.map((r) => r.id);
      for (const ref of await referencing(client, "Task"))
        await client.query(`DELETE FROM "${ref.table}" WHERE "${ref.column}" IN (${tasks})`, [objectiveIds]);
      await client.query(`DELETE FROM "Task" WHERE "objectiveId" = ANY($1)`, [objectiveIds]);
      for (const t of ["Rollup", "RollupDue"])
        await client.query(`DELETE FROM "${t}" WHERE "objectiveId" = ANY($1)`, [objectiveIds]);
      await client.query(`DELETE FROM "AssignmentBatch" WHERE id = ANY($1)`, [batches]);
      await client.query(`DELETE FROM "Objective" WHERE id = ANY($1)`, [objectiveIds]);
    }
    await client.query("COMMIT");
  } catch (e) {
    await client.query("ROLLBACK");
    throw e;
  } finally {
    await client.end();
  }
}

/** Tables with a foreign key to `table` (other than itself), from the catalogue. */
async function referencing(client: pg.Client, table: string) {
  const { rows } = await client.query<{ table: string; column: string }>(
    `SELECT c.conrelid::regclass::text AS table, a.attname AS column
     FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
     WHERE c.contype = 'f' AND c.confrelid = $1::regclass AND c.conrelid <> c.confrelid`,
    [`"${table}"`],
  );
  return rows.map((r) => ({ table: r.table.replace(/"/g, ""), column: r.column }));
}

export async function assignThroughHttp(opts: {
  url: string;
  base: string;
  provinceCookie: string;
  nationalCookie: string;
}): Promise<{ province: TAssignRun; national: TAssignRun }> {
  const action = findAction("features/tasks/actions.ts", "assignTasksAction");
  const client = new pg.Client({ connectionString: opts.url });
  await client.connect();
  try {
    const dueDate = formatDay(addDays(chinaToday(new Date()), 60));
    const orgsUnder = async (code: string) =>
      (
        await client.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM "Org" g JOIN "Org" p ON p.id = ANY(g."ancestorIds")
           WHERE p.code = $1 AND g.level = 'GRASSROOTS' AND g."closedAt" IS NULL`,
          [code],
        )
      ).rows[0]!.n;
    const assign = async (cookie: string, measure: number, underOrgId: number) => {
      const answer = await callAction(opts.base, action, {
        path: action.page,
        cookie,
        args: [
          {
            clientToken: crypto.randomUUID(),
            objectiveIds: [measure],
            target: { mode: "level", level: "GRASSROOTS", underOrgId },
            dueDate,
            priority: "NORMAL",
          },
        ],
      });
      if (!answer.ok) throw new Error(`bench: 下达 failed (${failureOf(answer)})`);
      return Number(/"created":(\d+)/.exec(answer.body)?.[1] ?? Number.NaN);
    };
    const provinces = (
      await client.query<{ id: number; code: string }>(
        `SELECT id, code FROM "Org" WHERE level = 'PROVINCE' ORDER BY code`,
      )
    ).rows;
    const hebei = provinces.find((p) => p.code === "130000")!;

    const m1 = await createMeasure(client);
    let t0 = performance.now();
    const provinceTasks = await assign(opts.provinceCookie, m1, hebei.id);
    const province = {
      orgs: await orgsUnder("130000"),
      tasks: provinceTasks,
      seconds: (performance.now() - t0) / 1000,
      requests: 1,
    };
    log(`http 下达: Hebei → ${province.tasks} grassroots unions in ${province.seconds.toFixed(2)} s`);

    const m2 = await createMeasure(client);
    let nationalTasks = 0;
    t0 = performance.now();
    for (const p of provinces) nationalTasks += await assign(opts.nationalCookie, m2, p.id);
    const national = {
      orgs: await orgsUnder("000000"),
      tasks: nationalTasks,
      seconds: (performance.now() - t0) / 1000,
      requests: provinces.length,
    };
    log(
      `http 下达: national → ${national.tasks} grassroots unions in ${national.seconds.toFixed(1)} s (${provinces.length} 下达, one per province)`,
    );
    return { province, national };
  } finally {
    await client.end();
  }
}
