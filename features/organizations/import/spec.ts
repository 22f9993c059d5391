import "server-only";
import type { TImportSpec } from "@/features/imports/lib/spec";
import { classifyOrgRows } from "./classify";
import { commitOrgRows } from "./commit";
import { ORG_COLUMNS, ZOrgImportRow, type TOrgImportRow } from "./row-schema";

/** ORGS: 基层工会 matched on their code, under county federations of the importer's subtree. */
export const orgImportSpec: TImportSpec<TOrgImportRow> = {
  kind: "ORGS",
  columns: ORG_COLUMNS,
  rowSchema: ZOrgImportRow,
  matchKey: (row) => row.code.toUpperCase(),
  classify: classifyOrgRows,
  // eslint-disable-next-line max-params -- the TImportSpec contract's signature
  commit: (tx, actor, rows, jobId) => commitOrgRows(tx, { actor, rows, jobId }),
};
