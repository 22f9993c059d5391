import "server-only";
import type { TImportActor, TImportSpec, TPlannedRow } from "@/features/imports/lib/spec";
import type { TDb, TTx } from "@/lib/db/client";
import { recordUsernameProbe, usernameProbesLeft } from "../server/username-probe";
import { commitPeople } from "./commit";
import { planPeople, type TPersonStep } from "./plan";
import { PERSON_COLUMNS, ZPersonRow, type TPersonRow } from "./row-schema";

// The USERS kind of the import pipeline (features/imports): people matched on their username.

/**
 * "This username is unavailable" says that an account exists somewhere in the country, so an import
 * answers it within the same hourly budget as the create-user form (username-probe.ts), each answer
 * in the audit trail; rows past the budget say "try later".
 */
async function limitProbes(db: TDb | TTx, actor: TImportActor, steps: TPersonStep[]) {
  let left = await usernameProbesLeft(actor, db);
  for (const s of steps) {
    if (s.action !== "ERROR") continue;
    const probe = s.errors.find((e) => e.code === "usernameUnavailable");
    if (!probe) continue;
    if (left > 0) {
      left--;
      await recordUsernameProbe(actor, s.data.username, db);
    } else probe.code = "usernameTryLater";
  }
}

const toPlanned = (s: TPersonStep): TPlannedRow<TPersonRow> => {
  switch (s.action) {
    case "ERROR":
      return { rowNo: s.rowNo, action: "ERROR", errors: s.errors };
    case "NEW":
      return { rowNo: s.rowNo, action: "NEW", data: s.data };
    case "UNCHANGED":
      return { rowNo: s.rowNo, action: "UNCHANGED", data: s.data, targetId: s.targetId };
    case "CHANGED":
      return { rowNo: s.rowNo, action: "CHANGED", data: s.data, targetId: s.targetId, changes: s.changes };
  }
};

export const peopleImportSpec: TImportSpec<TPersonRow> = {
  kind: "USERS",
  columns: PERSON_COLUMNS,
  rowSchema: ZPersonRow,
  // Usernames are lower case once parsed (ZUsername), as sign-in compares them.
  matchKey: (row) => row.username,
  async classify(db, actor, rows) {
    const steps = await planPeople(db, actor, rows);
    await limitProbes(db, actor, steps);
    return steps.map(toPlanned);
  },
  // eslint-disable-next-line max-params -- the pipeline's contract (TImportSpec.commit)
  commit: (tx, actor, rows, jobId) => commitPeople(tx, actor, { rows, jobId }),
};
