-- Issue 14 follow-up: a reporting rule on a 下达 batch covers the whole chain passed down from it.
-- Task.batchPath = the batches of the task's chain, top first, ending with its own.
-- AlterTable
ALTER TABLE "Task" ADD COLUMN "batchPath" INTEGER[] DEFAULT ARRAY[]::INTEGER[];

-- Backfill from the chain tops down (parentTaskId)
WITH RECURSIVE ch AS (
  SELECT t.id, CASE WHEN t."batchId" IS NULL THEN ARRAY[]::int[] ELSE ARRAY[t."batchId"] END AS path
  FROM "Task" t WHERE t."parentTaskId" IS NULL
  UNION ALL
  SELECT c.id, CASE WHEN c."batchId" IS NULL THEN ch.path ELSE ch.path || c."batchId" END
  FROM "Task" c JOIN ch ON c."parentTaskId" = ch.id
)
UPDATE "Task" t SET "batchPath" = ch.path FROM ch WHERE ch.id = t.id AND cardinality(ch.path) > 0;

-- CreateIndex
CREATE INDEX "Task_batchPath_idx" ON "Task" USING GIN ("batchPath");
