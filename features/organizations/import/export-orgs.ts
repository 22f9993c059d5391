import "server-only";
import { getDb } from "@/lib/db/client";
import { ORG_COLUMNS, orgRowCells } from "./row-schema";
import type { TOrgType } from "../schemas";

type TOrgRow = {
  id: number;
  name: string;
  code: string;
  parent: string;
  type: TOrgType | null;
  memberCount: number | null;
  chairName: string | null;
  contact: string | null;
};

/**
 * The open 基层工会 of org `orgId`'s subtree (the caller has checked the scope) as template rows, the
 * parent by its code: uploading the file again finds every row UNCHANGED.
 */
export async function* exportGrassrootsRows(orgId: number): AsyncGenerator<string[][]> {
  let after = 0;
  for (;;) {
    const rows = await getDb().$queryRaw<TOrgRow[]>`
      SELECT o.id, o.name, o.code, p.code AS parent, o.type::text AS type, o."memberCount", o."chairName", o.contact
      FROM "Org" o JOIN "Org" p ON p.id = o."parentId"
      WHERE o.level = 'GRASSROOTS' AND o."closedAt" IS NULL AND o."ancestorIds" @> ARRAY[${orgId}::int] AND o.id > ${after}
      ORDER BY o.id LIMIT 2000`;
    if (rows.length === 0) return;
    after = rows.at(-1)!.id;
    yield rows.map((r) => {
      const cells = orgRowCells(r);
      return ORG_COLUMNS.map((c) => cells[c.key] ?? "");
    });
  }
}
