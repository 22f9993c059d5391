-- CreateIndex
CREATE INDEX "Attachment_uploaderId_createdAt_idx" ON "Attachment"("uploaderId", "createdAt");

-- The daily cleanup finds uploads never linked to a record (features/evidence/server/remove-unlinked.ts),
-- a partial index keeps that a small lookup however many linked files there are. Not expressible in
-- schema.prisma, hence raw here.
CREATE INDEX "Attachment_unlinked_createdAt_idx" ON "Attachment"("createdAt")
  WHERE "progressUpdateId" IS NULL AND "reportId" IS NULL;
