import "server-only";
import { CONTENT_TYPES, asciiFileName, exportFileName } from "@/features/exports/lib/file-name";
import type { TRow, TSheet } from "@/features/exports/lib/sheet";
import type { TExportFile } from "@/features/exports/server/export-file";
import { exportStream } from "@/features/exports/server/stream-out";
import { writeXlsx } from "@/features/exports/server/write-xlsx";
import { orgScopeWhere } from "@/lib/auth/scope";
import { getDb, type TDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { PERSON_COLUMNS } from "../import/row-schema";
import { roleLabel } from "../import/role-labels";
import type { TActor } from "./actor";
import { managedUserWhere } from "./managed-where";

const PAGE = 1000;
const WIDTHS: Record<string, number> = { name: 14, username: 20, phone: 16, org: 16, role: 16 };

/** The accounts the people export lists: the actor and those it manages, in org `orgId`'s subtree. */
const exportWhere = (actor: TActor, orgId: number): Prisma.UserWhereInput => ({
  AND: [{ OR: [{ id: actor.id }, managedUserWhere(actor)] }, { org: { ancestorIds: { has: orgId } } }],
});

async function* peopleRows(db: TDb, where: Prisma.UserWhereInput): AsyncGenerator<TRow[]> {
  let cursor = 0;
  for (;;) {
    const page = await db.user.findMany({
      where: { AND: [where, { id: { gt: cursor } }] },
      orderBy: { id: "asc" },
      take: PAGE,
      select: {
        id: true,
        name: true,
        username: true,
        phone: true,
        role: true,
        org: { select: { code: true } },
      },
    });
    if (!page.length) return;
    cursor = page.at(-1)!.id;
    // The template's columns, in its order; the org by its code (unambiguous when imported back).
    yield page.map((u) => [u.name, u.username, u.phone ?? "", u.org.code, roleLabel(u.role)]);
  }
}

/**
 * The people of org `orgId`'s subtree whom the actor manages (and the actor), as an XLSX in the
 * people template's format: importing it back finds every row unchanged. No password column. Null
 * when the org is outside the actor's subtree.
 */
export async function exportPeople(
  actor: TActor,
  orgId: number,
  { db = getDb(), now = new Date() }: { db?: TDb; now?: Date } = {},
): Promise<TExportFile | null> {
  const org = await db.org.findFirst({
    where: { id: orgId, ...orgScopeWhere(actor) },
    select: { id: true, code: true, name: true },
  });
  if (!org) return null;
  const sheet: TSheet = {
    name: "人员",
    titleLines: [],
    columns: PERSON_COLUMNS.map((c) => ({ header: c.header, kind: "text", width: WIDTHS[c.key] ?? 16 })),
    rows: peopleRows(db, exportWhere(actor, org.id)),
  };
  const body = exportStream();
  writeXlsx(sheet, body).catch((e: unknown) => {
    console.error("[exports] people failed while streaming", e);
    body.destroy(new Error("export failed"));
  });
  return {
    fileName: exportFileName({ label: "人员", orgName: org.name, now, format: "xlsx" }),
    asciiName: asciiFileName({ kind: "people", orgCode: org.code, now, format: "xlsx" }),
    contentType: CONTENT_TYPES.xlsx,
    body,
  };
}
