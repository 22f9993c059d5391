import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { openStatusSql } from "@/lib/task-status-sql";
import type { TTaskGuard } from "./change";

/** The guard as a condition on task row `t`, and the error a change gets when it fails. */
export function guardSql(g: TTaskGuard): Prisma.Sql {
  switch (g.kind) {
    case "openReport":
      return Prisma.sql`EXISTS (SELECT 1 FROM "CompletionReport" r WHERE r."taskId" = t.id AND r.decision IS NULL)`;
    case "noPendingExtension":
      return Prisma.sql`NOT EXISTS (SELECT 1 FROM "ExtensionRequest" x WHERE x."taskId" = t.id AND x.status = 'PENDING')`;
    case "noOpenChildren":
      return Prisma.sql`NOT EXISTS (SELECT 1 FROM "Task" c WHERE c."parentTaskId" = t.id AND ${openStatusSql("c.status")})`;
    case "pendingExtension":
      return Prisma.sql`EXISTS (SELECT 1 FROM "ExtensionRequest" x WHERE x.id = ${g.extensionId} AND x."taskId" = t.id AND x.status = 'PENDING')`;
    case "ownUnlinkedAttachments": {
      const ids = [...new Set(g.ids)];
      return Prisma.sql`(SELECT count(*) FROM "Attachment" a WHERE a.id = ANY(${ids}::int[]) AND a."taskId" = t.id
        AND a."uploaderId" = ${g.uploaderId} AND a."progressUpdateId" IS NULL AND a."reportId" IS NULL) = ${ids.length}`;
    }
  }
}

export function guardError(g: TTaskGuard): AppError {
  switch (g.kind) {
    case "noPendingExtension":
      return new AppError("ALREADY_EXISTS");
    case "ownUnlinkedAttachments":
      return new AppError("VALIDATION", { attachmentIds: "attachments" });
    case "noOpenChildren":
      return new AppError("VALIDATION", { reason: "openChildren" });
    default:
      return new AppError("INVALID_TRANSITION");
  }
}
