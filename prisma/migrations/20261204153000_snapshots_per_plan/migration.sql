-- The trend follows the current plan: a snapshot row per federation, plan and day. Until now there
-- was one plan, the 17th report (prefix 3), so the existing rows are its rows. A database without
-- that plan has no objectives, hence no tasks and no snapshots worth keeping.
ALTER TABLE "RollupSnapshot" ADD COLUMN "planId" INTEGER;

UPDATE "RollupSnapshot" SET "planId" = (SELECT id FROM "Plan" WHERE "codePrefix" = '3');

DELETE FROM "RollupSnapshot" WHERE "planId" IS NULL;

ALTER TABLE "RollupSnapshot" ALTER COLUMN "planId" SET NOT NULL;

ALTER TABLE "RollupSnapshot" DROP CONSTRAINT "RollupSnapshot_pkey",
ADD CONSTRAINT "RollupSnapshot_pkey" PRIMARY KEY ("orgId", "planId", "day");

-- The 17th report's plan row took its section heading as its title: name the report itself (the
-- plan switcher shows it). Only when nobody has renamed it.
UPDATE "Plan" SET title = '中国工会第十七次全国代表大会报告'
WHERE "codePrefix" = '3' AND title = '今后五年工会工作的主要任务';
