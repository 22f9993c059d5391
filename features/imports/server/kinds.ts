import "server-only";
import { displayOrgValue } from "@/features/organizations/import/display";
import { exportGrassrootsRows } from "@/features/organizations/import/export-orgs";
import { orgImportSpec } from "@/features/organizations/import/spec";
import { displayPersonValue } from "@/features/users/import/display";
import { peopleImportSpec } from "@/features/users/import/spec";
import type { TPermission } from "@/lib/auth/permissions";
import type { TImportKind, TImportSpec } from "../lib/spec";

// The registry of import kinds: one line per kind (its spec and the permission that may run it).
// The pipeline only ever sees TImportSpec<unknown>; each spec checks its own rows.

/** What is in the system under an org (in scope), as template rows a chunk at a time. */
type TExportRows = (orgId: number) => AsyncIterable<string[][]>;
/** A changed field's value as shown in the preview (enum values by their names …). */
type TDisplay = (field: string, value: unknown) => string;
type TKindOptions = { permission: TPermission; exportRows?: TExportRows; display?: TDisplay };
type TKindEntry = TKindOptions & { spec: TImportSpec<unknown> };

const entry = <T>(spec: TImportSpec<T>, options: TKindOptions): TKindEntry => ({
  spec: spec as unknown as TImportSpec<unknown>,
  ...options,
});

const KINDS: Partial<Record<TImportKind, TKindEntry>> = {
  ORGS: entry(orgImportSpec, {
    permission: "org:manage",
    exportRows: exportGrassrootsRows,
    display: displayOrgValue,
  }),
  USERS: entry(peopleImportSpec, { permission: "user:manage", display: displayPersonValue }),
};

export function isImportKind(kind: string): kind is TImportKind {
  return Object.hasOwn(KINDS, kind);
}

export function importKinds(): TImportKind[] {
  return Object.keys(KINDS) as TImportKind[];
}

export function getImportSpec(kind: TImportKind): TImportSpec<unknown> {
  const e = KINDS[kind];
  if (!e) throw new Error(`no import kind ${kind}`);
  return e.spec;
}

/** The permission needed to import (and to see the jobs of) `kind`. */
export function importPermission(kind: TImportKind): TPermission {
  const e = KINDS[kind];
  if (!e) throw new Error(`no import kind ${kind}`);
  return e.permission;
}

/** The kind's export in the template's layout, when it has one. */
export function importExporter(kind: TImportKind): TExportRows | null {
  return KINDS[kind]?.exportRows ?? null;
}

/** How the preview shows a changed value of `kind`. */
export function importDisplay(kind: TImportKind): TDisplay {
  return KINDS[kind]?.display ?? ((_f, v) => (v === null || v === undefined ? "" : String(v)));
}
