import "server-only";
import { orgScopeWhere, taskInScopeSql } from "@/lib/auth/scope";
import { chinaToday } from "@/lib/dates";
import type { TDb } from "@/lib/db/client";
import { getReadDb } from "@/lib/db/read-db";
import { ledgerColumns } from "../lib/columns";
import { ledgerRow, type TLedgerTask } from "../lib/ledger-row";
import { regionPath, type TRegionOrg } from "../lib/region-path";
import type { TRow } from "../lib/sheet";
import type { TTranslate } from "../lib/translate";
import { planPrefixOf } from "@/lib/objective-code";
import type { TBuiltExport } from "./built-export";
import type { TExportPlan } from "./export-file";
import { findObjectiveMeasures, findScopedOrg } from "./find-scope";

export const LEDGER_CHUNK = 2000;

/**
 * Every task under `orgId` (optionally only some measures), `size` at a time in id order.
 * Each chunk is one query: the page of tasks by keyset (orgPath GIN / Task PK) first, then
 * its joins (下达单位 is the review org: the parent task's holder for a task passed down, the
 * assigning org for a top-level one, the parent org for a claim; 上级任务 by its primary key),
 * the latest progress update (index taskId, id) and the evidence count, which counts only
 * files linked to a progress update or completion report (an upload whose form was never
 * sent is no evidence). The two org names are scalar subqueries (one index lookup per row): as
 * joins, the planner scanned the whole Org table (290,000 rows at national size) for every chunk,
 * 140 ms a chunk instead of 20. No transaction spans the chunks: a slow download must not hold
 * one open (on PGlite it would block every other request).
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

function ledgerChunk(
  db: Pick<TDb, "$queryRaw">,
  scope: { orgId: number; measureIds: number[] | null },
  { after, size }: { after: number; size: number },
): Promise<TLedgerTask[]> {
  return db.$queryRaw<TLedgerTask[]>`
      SELECT t.id, o.code AS "measureCode", o.title AS "measureTitle", m.code AS "mainCode", m.title AS "mainTitle",
        (SELECT g.name FROM "Org" g WHERE g.id = t."orgId") AS "orgName", t."orgPath",
        (SELECT r.name FROM "Org" r WHERE r.id = t."reviewOrgId") AS "assignerName", t."parentTaskId" AS "parentId",
        po.code AS "parentCode", po.title AS "parentTitle", pg.name AS "parentOrgName",
        t.kind::text AS kind, t.status::text AS status, t.priority::text AS priority,
        t."dueDate", t."signedAt", t."submittedAt", t."completedAt", u.name AS "responsibleName",
        t.progress, t."progressState"::text AS "progressState", p.narrative AS "progressNarrative", p."createdAt" AS "progressAt",
        (SELECT count(*) FROM "Attachment" a
          WHERE a."taskId" = t.id AND (a."progressUpdateId" IS NOT NULL OR a."reportId" IS NOT NULL))::int AS "evidenceCount"
      FROM (
        SELECT * FROM "Task"
        WHERE ${taskInScopeSql(`"Task"`, scope.orgId)} AND id > ${after}
          AND (${scope.measureIds}::int[] IS NULL OR "objectiveId" = ANY(${scope.measureIds}::int[]))
        ORDER BY id LIMIT ${size}
      ) t
      JOIN "Objective" o ON o.id = t."objectiveId"
      JOIN "Objective" m ON m.id = t."mainTaskId"
      LEFT JOIN "Task" pt ON pt.id = t."parentTaskId"
      LEFT JOIN "Objective" po ON po.id = pt."objectiveId"
      LEFT JOIN "Org" pg ON pg.id = pt."orgId"
      LEFT JOIN "User" u ON u.id = t."responsibleId"
      LEFT JOIN LATERAL (
        SELECT pu.narrative, pu."createdAt" FROM "ProgressUpdate" pu WHERE pu."taskId" = t.id ORDER BY pu.id DESC LIMIT 1
      ) p ON true
      ORDER BY t.id`;
}

/** The federations (not grassroots unions) above and below the org: the few thousand rows region paths are made of. */
async function loadFederations(
  db: TDb,
  org: { id: number; ancestorIds: number[] },
): Promise<Map<number, TRegionOrg>> {
  const rows = await db.org.findMany({
    where: {
      level: { not: "GRASSROOTS" },
      OR: [orgScopeWhere({ orgId: org.id }), { id: { in: org.ancestorIds } }],
    },
    select: { id: true, name: true, regionName: true, level: true },
  });
  return new Map(rows.map((r) => [r.id, r]));
}

async function* ledgerRows(
  db: TDb,
  scope: { orgId: number; measureIds: number[] | null },
  { federations, t, today }: { federations: Map<number, TRegionOrg>; t: TTranslate; today: Date },
): AsyncGenerator<TRow[]> {
  for await (const tasks of ledgerTaskChunks(db, scope)) {
    yield tasks.map((task) => ledgerRow(task, { t, today, region: regionPath(task.orgPath, federations) }));
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
  const federations = await loadFederations(db, org);
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
      rows: ledgerRows(db, scope, { federations, t, today: chinaToday(now) }),
    },
  };
}
