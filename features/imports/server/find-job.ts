import "server-only";
import type { TPermission } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import type { ImportJob } from "@/lib/generated/prisma/client";
import type { TImportKind } from "../lib/spec";
import { importKinds, importPermission } from "./kinds";

export type TJobViewer = { id: number; orgId: number; permissions: ReadonlySet<TPermission> };

/** The kinds whose jobs the user may see and run (by permission). */
export function kindsFor(user: Pick<TJobViewer, "permissions">): TImportKind[] {
  return importKinds().filter((k) => user.permissions.has(importPermission(k)));
}

/**
 * A job whose scope org lies in the user's subtree and whose kind the user may import (scope in the
 * query); null otherwise, whether it does not exist or is someone else's.
 */
export async function findImportJob(user: TJobViewer, id: number): Promise<ImportJob | null> {
  const kinds = kindsFor(user);
  if (kinds.length === 0) return null;
  const [job] = await getDb().$queryRaw<ImportJob[]>`
    SELECT j.* FROM "ImportJob" j JOIN "Org" o ON o.id = j."orgId"
    WHERE j.id = ${id} AND j.kind::text = ANY(${kinds}::text[]) AND o."ancestorIds" @> ARRAY[${user.orgId}::int]`;
  return job ?? null;
}
