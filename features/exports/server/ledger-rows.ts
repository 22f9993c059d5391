import "server-only";
import { taskInScopeSql } from "@/lib/auth/scope";
import { chinaToday } from "@/lib/dates";
import type { TDb } from "@/lib/db/client";
import { getReadDb } from "@/lib/db/read-db";
import { Prisma } from "@/lib/generated/prisma/client";
import { ledgerColumns } from "../lib/columns";
import { ledgerRow, type TLedgerTask } from "../lib/ledger-row";
import type { TRow } from "../lib/sheet";
import type { TTranslate } from "../lib/translate";
import { planPrefixOf } from "@/lib/objective-code";
import type { TBuiltExport } from "./built-export";
import type { TExportPlan } from "./export-file";
import { findObjectiveMeasures, findScopedOrg } from "./find-scope";
import { ledgerNames, type TLedgerLookup } from "./ledger-names";

export const LEDGER_CHUNK = 2000;

/**
 * Every task under `orgId` (optionally only some measures), `size` at a time in id order.
 * Each chunk is one query: the page of tasks by keyset (orgPath GIN / Task PK) first, then the
 * holder's name (a scalar subquery: one index lookup per row; as a join the planner scanned the
 * whole Org table for every chunk), the parent task's measure and holder by id, the latest
 * progress update (index taskId, id) and the evidence count, which counts only files linked to a
 * progress update or completion report (an upload whose form was never sent is no evidence).
 * Measures, federations and regions come back as ids and timestamps as China days: the texts a
 * line repeats are looked up once per export (ledger-names.ts), which is most of what the Node
 * process saves on 5.7 million lines. No transaction spans the chunks: a slow download must not
 * hold one open (on PGlite it would block every other request).
 */
export async function* ledgerTaskChunks(
  db: Pick<TDb, "$queryRaw">,
  scope: { orgId: number; measureIds: number[] | null },
  size = LEDGER_CHUNK,
): AsyncGenerator<TLedgerTask[]> {
  // The next chunk is read while the current one is written: the database and the formatting overlap.
  const read = (after: number) => {
    const rows = ledgerChunk(db, scope, { after, size });
    rows.catch(() => undefined); // awaited below; a reader that stops early must not leave it unhandled
    return rows;
  };
  let next = read(0);
  for (;;) {
    const rows = await next;
    if (rows.length === 0) return;
    const last = rows.length < size;
    if (!last) next = read(rows.at(-1)!.id);
    yield rows;
    if (last) return;
  }
}

// The columns are UTC timestamps without a zone: first read as UTC, then as the time in China.
const chinaDay = (column: string) =>
  Prisma.raw(`(${column} AT TIME ZONE 'UTC' AT TIME ZONE 'Asia/Shanghai')::date`);

function ledgerChunk(
  db: Pick<TDb, "$queryRaw">,
  scope: { orgId: number; measureIds: number[] | null },
  { after, size }: { after: number; size: number },
): Promise<TLedgerTask[]> {
  return db.$queryRaw<TLedgerTask[]>`
      SELECT t.id, t."objectiveId" AS "measureId", t."mainTaskId", t."orgId",
        (SELECT g.name FROM "Org" g WHERE g.id = t."orgId") AS "orgName",
        t."orgPath"[cardinality(t."orgPath") - 1] AS "upId", t."reviewOrgId", t."parentTaskId" AS "parentId",
        pt."objectiveId" AS "parentMeasureId", pt."orgId" AS "parentOrgId",
        t.kind::text AS kind, t.status::text AS status, t.priority::text AS priority, t."dueDate",
        ${chinaDay(`t."signedAt"`)} AS "signedDay", ${chinaDay(`t."submittedAt"`)} AS "submittedDay",
        ${chinaDay(`t."completedAt"`)} AS "completedDay", u.name AS "responsibleName",
        t.progress, t."progressState"::text AS "progressState", p.narrative AS "progressNarrative",
        ${chinaDay(`p."createdAt"`)} AS "progressDay",
        (SELECT count(*) FROM "Attachment" a
          WHERE a."taskId" = t.id AND (a."progressUpdateId" IS NOT NULL OR a."reportId" IS NOT NULL))::int AS "evidenceCount"
      FROM (
        SELECT * FROM "Task"
        WHERE ${taskInScopeSql(`"Task"`, scope.orgId)} AND id > ${after}
          AND (${scope.measureIds}::int[] IS NULL OR "objectiveId" = ANY(${scope.measureIds}::int[]))
        ORDER BY id LIMIT ${size}
      ) t
      LEFT JOIN "Task" pt ON pt.id = t."parentTaskId"
      LEFT JOIN "User" u ON u.id = t."responsibleId"
      LEFT JOIN LATERAL (
        SELECT pu.narrative, pu."createdAt" FROM "ProgressUpdate" pu WHERE pu."taskId" = t.id ORDER BY pu.id DESC LIMIT 1
      ) p ON true
      ORDER BY t.id`;
}

async function* ledgerRows(
  db: TDb,
  scope: { orgId: number; measureIds: number[] | null },
  { names, t, today }: { names: TLedgerLookup; t: TTranslate; today: Date },
): AsyncGenerator<TRow[]> {
  for await (const tasks of ledgerTaskChunks(db, scope)) {
    await names.complete(tasks);
    yield tasks.map((task) => ledgerRow(task, { t, today, names }));
  }
}

/**
 * The 台账 of every task in the org's subtree. Scope and objective are checked before
 * anything is sent (null = not found); the rows are read chunk by chunk while writing.
 */
export async function buildLedgerExport(
  user: { orgId: number },
  q: { orgId: number; objective?: string; plan?: TExportPlan | null },
  { t, now = new Date() }: { t: TTranslate; now?: Date },
): Promise<TBuiltExport | null> {
  const org = await findScopedOrg(user, q.orgId);
  if (!org) return null;
  // The plan's measures (its root's code is its prefix), or an objective's inside the plan.
  if (q.objective && q.plan && planPrefixOf(q.objective) !== q.plan.codePrefix) return null;
  const code = q.objective ?? q.plan?.codePrefix;
  const objective = code ? await findObjectiveMeasures(code) : null;
  if (code && !objective) return null;
  // Chosen while the request is there: the rows are read after the response has started.
  const db = await getReadDb();
  const names = await ledgerNames(db, org);
  const scope = { orgId: org.id, measureIds: objective?.measureIds ?? null };
  return {
    label: t("exports.file.ledger"),
    orgName: org.name,
    orgCode: org.code,
    objectiveCode: objective?.code ?? null,
    sheet: {
      name: t("exports.sheet.ledger"),
      titleLines: [],
      columns: ledgerColumns(t),
      rows: ledgerRows(db, scope, { names, t, today: chinaToday(now) }),
    },
  };
}
