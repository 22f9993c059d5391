import "server-only";
import type { TImportActor, TPlannedRow, TRowError } from "@/features/imports/lib/spec";
import type { TTx } from "@/lib/db/client";
import { diffFields } from "@/lib/history/record-change";
import type { TOrgImportRow } from "./row-schema";
import { resolveParents } from "./resolve-parents";

/** The fields an import may change on an existing 基层工会 (never its parent: moves are done in the tree). */
export const ORG_IMPORT_FIELDS = ["name", "type", "memberCount", "chairName", "contact"] as const;

type TExisting = {
  id: number;
  code: string;
  name: string;
  level: string;
  parentId: number | null;
  type: string | null;
  memberCount: number | null;
  chairName: string | null;
  contact: string | null;
  closed: boolean;
  inScope: boolean;
};

async function findByCodes(db: TTx, scopeOrgId: number, codes: string[]): Promise<Map<string, TExisting>> {
  const rows = await db.$queryRaw<TExisting[]>`
    SELECT id, code, name, level::text AS level, "parentId", type::text AS type, "memberCount", "chairName",
           contact, "closedAt" IS NOT NULL AS closed, "ancestorIds" @> ARRAY[${scopeOrgId}::int] AS "inScope"
    FROM "Org" WHERE code = ANY(${codes}::text[])`;
  return new Map(rows.map((r) => [r.code, r]));
}

/**
 * NEW when the code is unknown, CHANGED or UNCHANGED when it names a 基层工会 in the importer's
 * subtree under the same parent; an ERROR when the parent cannot be used, or the code belongs to an
 * org outside the subtree, to a federation, to a closed union, or to a union under another parent.
 */
export async function classifyOrgRows(
  db: TTx,
  actor: TImportActor,
  rows: { rowNo: number; data: TOrgImportRow }[],
): Promise<TPlannedRow<TOrgImportRow>[]> {
  const parents = await resolveParents(
    db,
    actor.orgId,
    rows.map((r) => r.data.parent),
  );
  const existing = await findByCodes(
    db,
    actor.orgId,
    rows.map((r) => r.data.code),
  );
  return rows.map(({ rowNo, data }): TPlannedRow<TOrgImportRow> => {
    const errors: TRowError[] = [];
    const parent = parents.get(data.parent)!;
    if ("error" in parent) errors.push({ column: "parent", code: parent.error });
    const e = existing.get(data.code);
    if (e && !e.inScope) errors.push({ column: "code", code: "codeOutOfScope" });
    else if (e && e.level !== "GRASSROOTS") errors.push({ column: "code", code: "codeIsFederation" });
    else if (e?.closed) errors.push({ column: "code", code: "orgClosed" });
    else if (e && "ok" in parent && e.parentId !== parent.ok.id)
      errors.push({ column: "parent", code: "parentMismatch" });
    if (errors.length > 0) return { rowNo, action: "ERROR", errors };
    if (!e) return { rowNo, action: "NEW", data };
    const changes = diffFields(e as Record<string, unknown>, data, ORG_IMPORT_FIELDS);
    return changes
      ? { rowNo, action: "CHANGED", data, targetId: e.id, changes }
      : { rowNo, action: "UNCHANGED", data, targetId: e.id };
  });
}
