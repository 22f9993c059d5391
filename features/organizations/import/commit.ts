import "server-only";
import type { TImportActor, TPlannedRow } from "@/features/imports/lib/spec";
import { AppError } from "@/lib/errors";
import type { TTx } from "@/lib/db/client";
import type { TOrgImportRow } from "./row-schema";
import { resolveParents } from "./resolve-parents";

// The writes of an ORGS import, a chunk at a time inside the pipeline's one transaction, which has
// just classified these rows again and found them as the preview stored them (ImportRow). So the
// statements read the rows' data where it already is, in ImportRow (INSERT … SELECT, UPDATE … FROM):
// only row numbers and the resolved parents travel as parameters, whatever the chunk's size. The
// ChangeLog rows (as lib/history/record-change.ts writes them: entity, entityId, action, changes,
// actorId, importJobId) and OrgCount are written by the same statements.

async function insertNew(tx: TTx, c: TOrgCommit, rows: TPlannedRow<TOrgImportRow>[]) {
  const parents = await resolveParents(
    tx,
    c.actor.orgId,
    rows.flatMap((r) => (r.action === "NEW" ? [r.data.parent] : [])),
  );
  const refs: string[] = [];
  const ids: number[] = [];
  for (const [ref, p] of parents) {
    if (!("ok" in p)) throw new AppError("CONFLICT");
    refs.push(ref);
    ids.push(p.ok.id);
  }
  const rowNos = rows.map((r) => r.rowNo);
  const inserted = await tx.$queryRaw<{ id: number }[]>`
    WITH r AS (
      SELECT ir."rowNo" AS ord, ir.data->>'code' AS code, ir.data->>'name' AS name, m.pid AS "parentId",
             ir.data->>'type' AS type, (ir.data->>'memberCount')::int AS "memberCount",
             ir.data->>'chairName' AS "chairName", ir.data->>'contact' AS contact,
             nextval(pg_get_serial_sequence('"Org"', 'id'))::int AS id,
             row_number() OVER (PARTITION BY m.pid ORDER BY ir."rowNo")::int AS rn
      FROM "ImportRow" ir
      JOIN unnest(${refs}::text[], ${ids}::int[]) AS m(ref, pid) ON m.ref = ir.data->>'parent'
      WHERE ir."jobId" = ${c.jobId} AND ir."rowNo" = ANY(${rowNos}::int[]) AND ir.action = 'NEW'
    ), top AS (
      SELECT "parentId", max("sortOrder") AS top FROM "Org"
      WHERE "parentId" IN (SELECT "parentId" FROM r) GROUP BY "parentId"
    ), ins AS (
      INSERT INTO "Org" (id, code, name, level, "parentId", "regionCode", "regionName", "ancestorIds", depth,
                         "sortOrder", type, "memberCount", "chairName", contact, "updatedAt")
      SELECT r.id, r.code, r.name, 'GRASSROOTS', p.id, p."regionCode", p."regionName", p."ancestorIds" || r.id,
             p.depth + 1, COALESCE(top.top, 0) + r.rn, r.type::"OrgType", r."memberCount", r."chairName",
             r.contact, now()
      FROM r JOIN "Org" p ON p.id = r."parentId" LEFT JOIN top ON top."parentId" = p.id
      RETURNING id
    ), history AS (
      INSERT INTO "ChangeLog" (entity, "entityId", action, "actorId", "importJobId")
      SELECT 'ORG', id, 'create', ${c.actor.id}, ${c.jobId} FROM ins
    ), counts AS (
      INSERT INTO "OrgCount" ("orgId", orgs, users) SELECT id, 1, 0 FROM ins
    )
    SELECT id FROM ins`;
  if (inserted.length !== rows.length) throw new AppError("CONFLICT");
  // Each new union counts once in each of its ancestors.
  await tx.$executeRaw`
    UPDATE "OrgCount" oc SET orgs = oc.orgs + a.n
    FROM (SELECT x AS id, count(*)::int AS n FROM "Org" o, unnest(o."ancestorIds") x
          WHERE o.id = ANY(${inserted.map((r) => r.id)}::int[]) AND x <> o.id GROUP BY x) a
    WHERE oc."orgId" = a.id`;
}

async function updateChanged(tx: TTx, c: TOrgCommit, rows: TPlannedRow<TOrgImportRow>[]) {
  const rowNos = rows.map((r) => r.rowNo);
  const [done] = await tx.$queryRaw<{ n: number }[]>`
    WITH upd AS (
      UPDATE "Org" o SET name = ir.data->>'name', type = (ir.data->>'type')::"OrgType",
             "memberCount" = (ir.data->>'memberCount')::int, "chairName" = ir.data->>'chairName',
             contact = ir.data->>'contact', "updatedAt" = now()
      FROM "ImportRow" ir
      WHERE ir."jobId" = ${c.jobId} AND ir."rowNo" = ANY(${rowNos}::int[]) AND ir.action = 'CHANGED'
        AND o.id = ir."targetId" AND o.level = 'GRASSROOTS' AND o."closedAt" IS NULL
      RETURNING o.id, ir.changes
    ), history AS (
      INSERT INTO "ChangeLog" (entity, "entityId", action, changes, "actorId", "importJobId")
      SELECT 'ORG', id, 'update', changes, ${c.actor.id}, ${c.jobId} FROM upd
    )
    SELECT count(*)::int AS n FROM upd`;
  if (done?.n !== rows.length) throw new AppError("CONFLICT");
}

export type TOrgCommit = { actor: TImportActor; rows: readonly TPlannedRow<TOrgImportRow>[]; jobId: number };

export async function commitOrgRows(tx: TTx, c: TOrgCommit): Promise<void> {
  const news = c.rows.filter((r) => r.action === "NEW");
  const changed = c.rows.filter((r) => r.action === "CHANGED");
  if (news.length > 0) await insertNew(tx, c, news);
  if (changed.length > 0) await updateChanged(tx, c, changed);
}
