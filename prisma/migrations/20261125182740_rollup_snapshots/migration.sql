-- CreateTable
CREATE TABLE "RollupSnapshot" (
    "orgId" INTEGER NOT NULL,
    "day" DATE NOT NULL,
    "total" INTEGER NOT NULL,
    "completed" INTEGER NOT NULL,
    "completedOnTime" INTEGER NOT NULL,
    "overdue" INTEGER NOT NULL,
    "progressSum" BIGINT NOT NULL,

    CONSTRAINT "RollupSnapshot_pkey" PRIMARY KEY ("orgId","day")
);
