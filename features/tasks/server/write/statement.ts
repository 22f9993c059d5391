import { Prisma } from "@/lib/generated/prisma/client";
import { rollupChangeCtes } from "@/features/rollups/server/apply-delta";
import type { TTaskSnap } from "@/features/rollups/lib/contribution";
import { orgRecipientsSql } from "@/features/notifications/server/org-recipients";
import { FIXED_PROGRESS, type TTaskStatus } from "@/lib/task-status";
import { answeredCtes } from "./answered";
import type { TTaskChange, TTaskFields } from "./change";
import { deriveChainCtes, derivedFromChildrenSql } from "./derive-chain";
import { guardSql } from "./guards";
import { evidenceCte, recordCtes } from "./records";
import { indicatorChangeCtes, touchesIndicators } from "@/features/indicators/server/indicator-change";
import {
  CUR_LIGHT_COLUMNS,
  newLightCte,
  SET_NEW_LIGHT,
  TASK_LIGHT_DELTAS,
} from "@/features/lights/server/light-ctes";
import {
  AFTER_PERIOD_LOCKS,
  NEW_REPORT_FLAG,
  reportAfterCtes,
  reportBeforeCtes,
  SET_REPORT_FLAG,
} from "@/features/reporting/server/report-ctes";

const COLUMN: Record<keyof TTaskFields, [string, string]> = {
  progressState: ["progressState", `::"ProgressState"`],
  lastProgressAt: ["lastProgressAt", ""],
  actualValue: ["actualValue", "::numeric"],
  signedAt: ["signedAt", ""],
  submittedAt: ["submittedAt", ""],
  completedAt: ["completedAt", ""],
  lastReason: ["lastReason", ""],
  dueDate: ["dueDate", "::date"],
  note: ["note", ""],
  responsibleId: ["responsibleId", "::int"],
};

function setFields(c: TTaskChange): Prisma.Sql[] {
  const sets: Prisma.Sql[] = [];
  if (c.to) sets.push(Prisma.sql`status = ${c.to}::"TaskStatus"`);
  if (c.progress !== undefined) sets.push(Prisma.sql`progress = (SELECT v FROM np)`);
  for (const [k, v] of Object.entries(c.fields ?? {}) as [keyof TTaskFields, unknown][]) {
    if (v === undefined) continue;
    const [col, cast] = COLUMN[k];
    sets.push(Prisma.sql`${Prisma.raw(`"${col}"`)} = ${v}${Prisma.raw(cast)}`);
  }
  return sets;
}

/** What a task in `status` adds to a progress sum, `progress` being its progress (lib/task-status.ts). */
function counted(status: TTaskStatus, progress: Prisma.Sql): Prisma.Sql {
  const fixed: Partial<Record<TTaskStatus, number>> = FIXED_PROGRESS;
  return fixed[status] === undefined ? progress : Prisma.sql`${fixed[status]}::float8`;
}

/**
 * The change as ONE statement: the task row is locked and changed only if it is still at the
 * version and status the caller checked and every guard holds; then, reading `upd`, the parents'
 * derived progress, the roll-ups (parents' regions, then the task's, in ascending org id), the
 * timeline entry, the records, the evidence links and the notifications, and marks the
 * notifications the change has answered as read (answered.ts).
 */
export function changeStatement(c: TTaskChange): Prisma.Sql {
  const { task, now } = c;
  const before: TTaskSnap = {
    status: task.status,
    progress: task.progress,
    dueDate: task.dueDate,
    completedAt: task.completedAt,
  };
  const after: TTaskSnap = {
    status: c.to ?? task.status,
    progress: task.progress,
    dueDate: c.fields?.dueDate ?? task.dueDate,
    completedAt: c.fields?.completedAt !== undefined ? c.fields.completedAt : task.completedAt,
  };
  const newProgress =
    c.progress === undefined
      ? Prisma.sql`cur.progress`
      : c.progress === "derived"
        ? Prisma.sql`COALESCE(${derivedFromChildrenSql(task.id)}, cur.progress)`
        : Prisma.sql`${c.progress}::float8`;
  const np = Prisma.sql`(SELECT v FROM np)`;
  const indicatorInput = {
    taskId: task.id,
    orgPath: task.orgPath,
    countFrom: task.countFrom,
    chain: task.chain,
    statusBefore: task.status,
    values: c.indicatorValues,
    derived: c.progress === "derived",
  };
  const chain = deriveChainCtes({
    taskId: task.id,
    chain: task.chain,
    // A cancelled task leaves its parent's mean.
    childValue: after.status === "CANCELLED" ? Prisma.sql`NULL::float8` : counted(after.status, np),
    now,
  });
  // The task's own progress is read from the locked row: a task passed down derives it without a version bump.
  const rollups = rollupChangeCtes({
    objectiveId: task.objectiveId,
    mainTaskId: task.mainTaskId,
    orgPath: task.orgPath,
    countFrom: task.countFrom,
    before,
    after,
    // Only a new status or progress moves the progress sum (otherwise no roll-up row is touched).
    ...(c.progress !== undefined || c.to !== undefined
      ? {
          progressDelta: Prisma.sql`(SELECT ${counted(after.status, Prisma.sql`np.v`)} - ${counted(before.status, Prisma.sql`np.old`)} FROM np)`,
        }
      : {}),
    derived: chain.moves,
    lockDerived: touchesIndicators({ ...indicatorInput, statusAfter: after.status }),
    lights: TASK_LIGHT_DELTAS,
  });
  // Rollup rows first (`roll` exists whenever the status or the progress is set), then IndicatorRollup.
  const indicators = indicatorChangeCtes({
    ...indicatorInput,
    statusAfter: after.status,
    now,
    afterRoll: rollups !== null && (c.progress !== undefined || c.to !== undefined),
  });
  const ctx = { taskId: task.id, actorId: c.actorId, now };
  const records = recordCtes(c.records ?? [], ctx);
  const evidence = evidenceCte(c.records ?? [], c.evidenceIds ?? [], ctx);
  const guards = (c.guards ?? []).map((g) => Prisma.sql` AND ${guardSql(g)}`);
  const progressChange =
    c.progress === undefined
      ? Prisma.sql`'{}'::jsonb`
      : Prisma.sql`CASE WHEN np.old IS DISTINCT FROM np.v OR ${Prisma.raw(c.event.type === "PROGRESS" ? "TRUE" : "FALSE")}
          THEN jsonb_build_object('progress', jsonb_build_array(np.old, np.v)) ELSE '{}'::jsonb END`;
  const n = c.notify;
  // A UNION of the org's recipients and the named users (each once): an OR between the two would
  // make the planner scan every user.
  const notify = n
    ? Prisma.sql`nt AS (
      INSERT INTO "Notification" ("userId", type, "taskId", params, "createdAt")
      SELECT r.id, ${n.type}::"NotificationType", upd.id, ${JSON.stringify(n.params)}::jsonb, ${now}
      FROM upd, (${orgRecipientsSql(Prisma.sql`${n.orgId ?? null}::int`)} UNION SELECT unnest(${n.userIds ?? []}::int[])) r
      RETURNING id)`
    : null;
  // A progress update is the task's period report (定期报送): features/reporting/server/report-ctes.ts.
  const report = (c.records ?? []).some((r) => r.kind === "progressUpdate")
    ? {
        taskId: task.id,
        objectiveId: task.objectiveId,
        orgPath: task.orgPath,
        countFrom: task.countFrom,
        now,
      }
    : null;
  const ctes: Prisma.Sql[] = [
    ...(report ? reportBeforeCtes(report) : []),
    Prisma.sql`cur AS MATERIALIZED (
      SELECT t.id, t.progress, ${CUR_LIGHT_COLUMNS} FROM "Task" t
      WHERE t.id = ${task.id} AND t.version = ${task.version} AND t.status = ${task.status}::"TaskStatus"
        ${guards.length ? Prisma.join(guards, "") : Prisma.empty}${report ? AFTER_PERIOD_LOCKS : Prisma.empty}
      FOR UPDATE)`,
    Prisma.sql`np AS MATERIALIZED (SELECT cur.progress AS old, ${newProgress} AS v FROM cur)`,
    report ? newLightCte(after, now, NEW_REPORT_FLAG) : newLightCte(after, now),
    Prisma.sql`upd AS (
      UPDATE "Task" t SET ${Prisma.join([...setFields(c), SET_NEW_LIGHT, ...(report ? [SET_REPORT_FLAG] : []), Prisma.sql`version = t.version + 1`, Prisma.sql`"updatedAt" = ${now}`], ", ")}
      FROM cur WHERE t.id = cur.id RETURNING t.id)`,
    ...chain.ctes,
    ...(rollups ? [rollups] : []),
    ...indicators.ctes,
    Prisma.sql`ev AS (
      INSERT INTO "TaskEvent" ("taskId", "actorId", type, "fromStatus", "toStatus", changes, message, "createdAt")
      SELECT upd.id, ${c.actorId}, ${c.event.type}::"TaskEventType", ${c.to ? task.status : null}::"TaskStatus", ${c.to ?? null}::"TaskStatus",
        NULLIF(${JSON.stringify(c.event.changes ?? {})}::jsonb || ${progressChange}${indicators.eventJson ? Prisma.sql` || ${indicators.eventJson}` : Prisma.empty}, '{}'::jsonb), ${c.event.message ?? null}, ${now}
      FROM upd, np RETURNING id)`,
    ...records.ctes,
    ...(report ? reportAfterCtes(report) : []),
    ...(evidence ? [evidence] : []),
    ...(notify ? [notify] : []),
    ...answeredCtes(c),
  ];
  return Prisma.sql`WITH ${Prisma.join(ctes, ",\n")}
    SELECT (SELECT count(*) FROM upd)::int AS applied, ${records.firstId} AS result,
      ${evidence ? Prisma.sql`(SELECT count(*) FROM ev_link)::int` : Prisma.sql`0`} AS linked`;
}
