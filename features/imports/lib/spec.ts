import type { z } from "zod";
import type { TRole } from "@/lib/auth/permissions";
import type { TTx } from "@/lib/db/client";
import type { TFieldChanges } from "@/lib/history/record-change";

// The contract between the import pipeline (features/imports: upload, parse, validate, preview,
// error report, job, commit) and what it imports (grassroots unions: features/organizations;
// people: features/users). The pipeline is generic; each kind is one `TImportSpec`.

export type TImportKind = "ORGS" | "USERS";

/** One template column. Files must carry the Chinese header (the English one is accepted too). */
export type TImportColumn = {
  key: string;
  header: string;
  headerEn: string;
  required: boolean;
  /** Shown in the template's example row. */
  example?: string;
};

/** Who imports: the rows must stay inside the subtree of `orgId` (checked in the queries). */
export type TImportActor = { id: number; username: string; role: TRole; orgId: number };

/** A problem with one row: a catalogue code (imports.rowErrors.*) and its column key. */
export type TRowError = { column?: string; code: string; params?: Record<string, string | number> };

export type TPlannedRow<T> =
  | { rowNo: number; action: "NEW"; data: T }
  | { rowNo: number; action: "CHANGED"; data: T; targetId: number; changes: TFieldChanges }
  | { rowNo: number; action: "UNCHANGED"; data: T; targetId: number }
  | { rowNo: number; action: "ERROR"; errors: TRowError[] };

export interface TImportSpec<T> {
  kind: TImportKind;
  columns: readonly TImportColumn[];
  /**
   * The same zod schema as the kind's form. Cells arrive normalised by the pipeline: strings,
   * trimmed, full-width digits and letters turned into ASCII, empty cells as "".
   */
  rowSchema: z.ZodType<T>;
  /** The row's identity: the org code or the username. Duplicates within one file are errors. */
  matchKey(row: T): string;
  /**
   * Classifies validated rows against the database in bulk (a few queries per chunk of rows,
   * never one per row), inside the actor's subtree: a row pointing outside it is an ERROR.
   */
  classify(db: TTx, actor: TImportActor, rows: { rowNo: number; data: T }[]): Promise<TPlannedRow<T>[]>;
  /**
   * Writes the NEW and CHANGED rows in bulk inside the commit's transaction, with ChangeLog history
   * (importJobId = jobId), OrgCount and the audit trail. Re-checks scope: the data may have changed
   * since the preview.
   */
  commit(tx: TTx, actor: TImportActor, rows: readonly TPlannedRow<T>[], jobId: number): Promise<void>;
}
