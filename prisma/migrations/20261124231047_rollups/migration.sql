-- CreateTable
CREATE TABLE "Rollup" (
    "orgId" INTEGER NOT NULL,
    "objectiveId" INTEGER NOT NULL,
    "mainTaskId" INTEGER NOT NULL,
    "pendingSign" INTEGER NOT NULL DEFAULT 0,
    "handedBack" INTEGER NOT NULL DEFAULT 0,
    "inProgress" INTEGER NOT NULL DEFAULT 0,
    "submitted" INTEGER NOT NULL DEFAULT 0,
    "completed" INTEGER NOT NULL DEFAULT 0,
    "completedOnTime" INTEGER NOT NULL DEFAULT 0,
    "progressSum" BIGINT NOT NULL DEFAULT 0,
    "overdueAsOf" DATE NOT NULL DEFAULT '1970-01-01 00:00:00 +00:00',
    "openDueBefore" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Rollup_pkey" PRIMARY KEY ("orgId","objectiveId")
);

-- CreateTable
CREATE TABLE "RollupDue" (
    "orgId" INTEGER NOT NULL,
    "objectiveId" INTEGER NOT NULL,
    "dueDate" DATE NOT NULL,
    "open" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "RollupDue_pkey" PRIMARY KEY ("orgId","objectiveId","dueDate")
);

-- CreateIndex
CREATE INDEX "Rollup_mainTaskId_idx" ON "Rollup"("mainTaskId");
