import { Prisma } from "@/lib/generated/prisma/client";
import { FIXED_PROGRESS, OPEN_STATUSES } from "./task-status";

// lib/task-status.ts's rules as SQL fragments, generated from its constants so the two cannot drift.
// Separate from task-status.ts because Prisma.sql/raw come with the server-side Prisma runtime.

// Column references are written by our code ("t.status", `"Task".progress`), never taken from input;
// the check keeps a mistake from turning into injected SQL.
const PART = `(?:[A-Za-z_]\\w*|"[A-Za-z_]\\w*")`;
const COLUMN = new RegExp(`^${PART}(?:\\.${PART})?$`);

function column(ref: string): string {
  if (!COLUMN.test(ref)) throw new Error(`not a column reference: ${ref}`);
  return ref;
}

/** `<column> IN ('PENDING_SIGN', …)`: the task is open (see OPEN_STATUSES). */
export function openStatusSql(statusColumn: string): Prisma.Sql {
  const list = OPEN_STATUSES.map((s) => `'${s}'`).join(", ");
  return Prisma.raw(`${column(statusColumn)} IN (${list})`);
}

/** `CASE WHEN <s> = 'COMPLETED' THEN 100 WHEN <s> = 'CANCELLED' THEN 0 ELSE <p> END` (see progressCounted). */
export function countedProgressSql(statusColumn: string, progressColumn: string): Prisma.Sql {
  const s = column(statusColumn);
  const whens = Object.entries(FIXED_PROGRESS).map(([status, v]) => `WHEN ${s} = '${status}' THEN ${v}`);
  return Prisma.raw(`CASE ${whens.join(" ")} ELSE ${column(progressColumn)} END`);
}
