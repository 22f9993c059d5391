-- CreateEnum
CREATE TYPE "IndicatorAggregation" AS ENUM ('SUM', 'AVERAGE');

-- CreateEnum
CREATE TYPE "IndicatorDirection" AS ENUM ('HIGHER', 'LOWER');

-- CreateEnum
CREATE TYPE "ReportFrequency" AS ENUM ('WEEKLY', 'MONTHLY', 'QUARTERLY');

-- CreateEnum
CREATE TYPE "PeriodStatus" AS ENUM ('OPEN', 'CLOSED');

-- CreateEnum
CREATE TYPE "PeriodReportStatus" AS ENUM ('ON_TIME', 'LATE', 'MISSING');

-- CreateEnum
CREATE TYPE "TaskLight" AS ENUM ('GREEN', 'YELLOW', 'RED');

-- CreateEnum
CREATE TYPE "ReportFlag" AS ENUM ('NONE', 'LATE', 'MISSING');

-- AlterTable
ALTER TABLE "Task" ADD COLUMN     "light" "TaskLight",
ADD COLUMN     "reportFlag" "ReportFlag" NOT NULL DEFAULT 'NONE';

-- AlterTable
ALTER TABLE "Rollup" ADD COLUMN     "green" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "red" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "yellow" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "Indicator" (
    "id" SERIAL NOT NULL,
    "objectiveId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "aggregation" "IndicatorAggregation" NOT NULL DEFAULT 'SUM',
    "direction" "IndicatorDirection" NOT NULL DEFAULT 'HIGHER',
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "retiredAt" TIMESTAMPTZ(3),
    "createdById" INTEGER,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Indicator_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TaskIndicator" (
    "taskId" INTEGER NOT NULL,
    "indicatorId" INTEGER NOT NULL,
    "target" DECIMAL(20,6),
    "actual" DECIMAL(20,6),

    CONSTRAINT "TaskIndicator_pkey" PRIMARY KEY ("taskId","indicatorId")
);

-- CreateTable
CREATE TABLE "IndicatorRollup" (
    "orgId" INTEGER NOT NULL,
    "indicatorId" INTEGER NOT NULL,
    "tasks" INTEGER NOT NULL DEFAULT 0,
    "targeted" INTEGER NOT NULL DEFAULT 0,
    "reported" INTEGER NOT NULL DEFAULT 0,
    "targetSum" DECIMAL(24,6) NOT NULL DEFAULT 0,
    "actualSum" DECIMAL(24,6) NOT NULL DEFAULT 0,

    CONSTRAINT "IndicatorRollup_pkey" PRIMARY KEY ("orgId","indicatorId")
);

-- CreateTable
CREATE TABLE "ReportingRule" (
    "id" SERIAL NOT NULL,
    "planId" INTEGER,
    "objectiveId" INTEGER,
    "batchId" INTEGER,
    "orgId" INTEGER NOT NULL,
    "frequency" "ReportFrequency" NOT NULL,
    "dueDay" INTEGER NOT NULL,
    "startDate" DATE NOT NULL,
    "endDate" DATE NOT NULL,
    "createdById" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "retiredAt" TIMESTAMPTZ(3),

    CONSTRAINT "ReportingRule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportingPeriod" (
    "id" SERIAL NOT NULL,
    "ruleId" INTEGER NOT NULL,
    "startDate" DATE NOT NULL,
    "endDate" DATE NOT NULL,
    "dueDate" DATE NOT NULL,
    "status" "PeriodStatus" NOT NULL DEFAULT 'OPEN',
    "openedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" TIMESTAMPTZ(3),

    CONSTRAINT "ReportingPeriod_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PeriodReport" (
    "periodId" INTEGER NOT NULL,
    "taskId" INTEGER NOT NULL,
    "status" "PeriodReportStatus" NOT NULL,
    "progressUpdateId" INTEGER,
    "reportedAt" TIMESTAMPTZ(3),

    CONSTRAINT "PeriodReport_pkey" PRIMARY KEY ("periodId","taskId")
);

-- CreateTable
CREATE TABLE "ReportingRollup" (
    "orgId" INTEGER NOT NULL,
    "periodId" INTEGER NOT NULL,
    "due" INTEGER NOT NULL DEFAULT 0,
    "onTime" INTEGER NOT NULL DEFAULT 0,
    "late" INTEGER NOT NULL DEFAULT 0,
    "missing" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ReportingRollup_pkey" PRIMARY KEY ("orgId","periodId")
);

-- CreateTable
CREATE TABLE "WarningSetting" (
    "orgId" INTEGER NOT NULL,
    "dueSoonDays" INTEGER NOT NULL DEFAULT 3,
    "lagPoints" INTEGER NOT NULL DEFAULT 20,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedById" INTEGER,

    CONSTRAINT "WarningSetting_pkey" PRIMARY KEY ("orgId")
);

-- CreateIndex
CREATE UNIQUE INDEX "Indicator_objectiveId_name_key" ON "Indicator"("objectiveId", "name");

-- CreateIndex
CREATE INDEX "TaskIndicator_indicatorId_idx" ON "TaskIndicator"("indicatorId");

-- CreateIndex
CREATE INDEX "IndicatorRollup_indicatorId_idx" ON "IndicatorRollup"("indicatorId");

-- CreateIndex
CREATE INDEX "ReportingRule_planId_idx" ON "ReportingRule"("planId");

-- CreateIndex
CREATE INDEX "ReportingRule_objectiveId_idx" ON "ReportingRule"("objectiveId");

-- CreateIndex
CREATE INDEX "ReportingRule_batchId_idx" ON "ReportingRule"("batchId");

-- CreateIndex
CREATE INDEX "ReportingPeriod_status_endDate_idx" ON "ReportingPeriod"("status", "endDate");

-- CreateIndex
CREATE UNIQUE INDEX "ReportingPeriod_ruleId_startDate_key" ON "ReportingPeriod"("ruleId", "startDate");

-- CreateIndex
CREATE INDEX "PeriodReport_taskId_idx" ON "PeriodReport"("taskId");

-- CreateIndex
CREATE INDEX "ReportingRollup_periodId_idx" ON "ReportingRollup"("periodId");

-- AddForeignKey
ALTER TABLE "Indicator" ADD CONSTRAINT "Indicator_objectiveId_fkey" FOREIGN KEY ("objectiveId") REFERENCES "Objective"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TaskIndicator" ADD CONSTRAINT "TaskIndicator_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "Task"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TaskIndicator" ADD CONSTRAINT "TaskIndicator_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "Indicator"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportingRule" ADD CONSTRAINT "ReportingRule_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportingRule" ADD CONSTRAINT "ReportingRule_objectiveId_fkey" FOREIGN KEY ("objectiveId") REFERENCES "Objective"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportingRule" ADD CONSTRAINT "ReportingRule_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "AssignmentBatch"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportingPeriod" ADD CONSTRAINT "ReportingPeriod_ruleId_fkey" FOREIGN KEY ("ruleId") REFERENCES "ReportingRule"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PeriodReport" ADD CONSTRAINT "PeriodReport_periodId_fkey" FOREIGN KEY ("periodId") REFERENCES "ReportingPeriod"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PeriodReport" ADD CONSTRAINT "PeriodReport_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "Task"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WarningSetting" ADD CONSTRAINT "WarningSetting_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Org"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
