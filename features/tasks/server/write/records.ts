import { Prisma } from "@/lib/generated/prisma/client";
import { indicatorValuesJson } from "@/features/indicators/lib/indicator-values";
import type { TTaskRecord } from "./change";

// The records a task change writes, as CTEs of its statement. They read `upd` (the changed task's
// id), so they run only when the change applied. Each is named rec<i> and returns the record id.

type TCtx = { taskId: number; actorId: number; now: Date };

function recordBody(r: TTaskRecord, c: TCtx): Prisma.Sql {
  switch (r.kind) {
    case "progressUpdate":
      return Prisma.sql`INSERT INTO "ProgressUpdate" ("taskId", "authorId", percent, state, narrative, value, "indicatorValues", "clientToken", "createdAt")
        SELECT upd.id, ${c.actorId}, ${r.percent === "current" ? Prisma.sql`(SELECT round(v)::int FROM np)` : r.percent},
          ${r.state}::"ProgressState", ${r.narrative}, ${r.value}::numeric, ${indicatorValuesJson(r.indicatorValues)}::jsonb, ${r.clientToken}, ${c.now}
        FROM upd RETURNING id`;
    case "completionReport":
      return Prisma.sql`INSERT INTO "CompletionReport" ("taskId", summary, "submittedById", "clientToken", "createdAt")
        SELECT upd.id, ${r.summary}, ${c.actorId}, ${r.clientToken}, ${c.now} FROM upd RETURNING id`;
    case "reportDecision":
      return Prisma.sql`UPDATE "CompletionReport" SET decision = ${r.decision}::"ReviewDecision", "decidedById" = ${c.actorId},
          "decidedAt" = ${c.now}, "decisionNote" = ${r.note}
        WHERE id = (SELECT max(x.id) FROM "CompletionReport" x, upd WHERE x."taskId" = upd.id AND x.decision IS NULL) RETURNING id`;
    case "extensionRequest":
      return Prisma.sql`INSERT INTO "ExtensionRequest" ("taskId", "requestedById", "fromDue", "toDue", reason, "clientToken", "createdAt")
        SELECT upd.id, ${c.actorId}, ${r.fromDue}::date, ${r.toDue}::date, ${r.reason}, ${r.clientToken}, ${c.now} FROM upd RETURNING id`;
    case "extensionDecision":
      return Prisma.sql`UPDATE "ExtensionRequest" SET status = ${r.approve ? "APPROVED" : "REJECTED"}::"ExtensionStatus",
          "decidedById" = ${c.actorId}, "decidedAt" = ${c.now}, "decisionNote" = ${r.note}
        WHERE id = ${r.extensionId} AND "taskId" = (SELECT id FROM upd) AND status = 'PENDING' RETURNING id`;
    case "notificationsDone":
      // Through the recipients' (userId, readAt) index: Notification has no index on taskId.
      return Prisma.sql`UPDATE "Notification" n SET "readAt" = ${c.now} FROM upd
        WHERE n."userId" IN (SELECT u.id FROM "User" u WHERE u."orgId" = ${r.orgId}) AND n."readAt" IS NULL
          AND n."taskId" = upd.id AND n.type = ${r.type}::"NotificationType" RETURNING n.id`;
    case "helpers":
      // Keep helpers still named, add new ones: a row is never deleted and re-inserted in one statement.
      return Prisma.sql`DELETE FROM "TaskHelper" h USING upd WHERE h."taskId" = upd.id AND h."userId" <> ALL(${r.userIds}::int[])
        RETURNING h."userId" AS id), rec_add AS (
        INSERT INTO "TaskHelper" ("taskId", "userId") SELECT upd.id, u FROM upd, unnest(${r.userIds}::int[]) AS u
        ON CONFLICT DO NOTHING RETURNING "userId" AS id`;
  }
}

/** The records' CTEs, and the SQL of the first record's id. */
export function recordCtes(records: TTaskRecord[], c: TCtx): { ctes: Prisma.Sql[]; firstId: Prisma.Sql } {
  const ctes = records.map((r, i) => Prisma.sql`${Prisma.raw(`rec${i}`)} AS (${recordBody(r, c)})`);
  const firstId = records.length ? Prisma.sql`(SELECT id FROM rec0 LIMIT 1)` : Prisma.sql`NULL::int`;
  return { ctes, firstId };
}

/** Links the evidence to the first record (a progress update or a completion report). */
export function evidenceCte(records: TTaskRecord[], ids: number[], c: TCtx): Prisma.Sql | null {
  if (ids.length === 0) return null;
  const column = records[0]?.kind === "completionReport" ? "reportId" : "progressUpdateId";
  return Prisma.sql`ev_link AS (
    UPDATE "Attachment" a SET ${Prisma.raw(`"${column}"`)} = (SELECT id FROM rec0)
    FROM upd WHERE a.id = ANY(${[...new Set(ids)]}::int[]) AND a."taskId" = upd.id AND a."uploaderId" = ${c.actorId}
      AND a."progressUpdateId" IS NULL AND a."reportId" IS NULL RETURNING a.id)`;
}
