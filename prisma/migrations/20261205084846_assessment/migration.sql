-- 考评 (issue 15): schemes, manual items, published results and objections, and the history of
-- indicator actuals (TaskIndicatorLog) that a score as of a past day reads.
-- CreateEnum
CREATE TYPE "AssessmentScope" AS ENUM ('DIRECT', 'LEVEL');

-- CreateEnum
CREATE TYPE "AssessmentSchemeStatus" AS ENUM ('DRAFT', 'PUBLISHED', 'SUPERSEDED');

-- CreateEnum
CREATE TYPE "AssessmentItemKind" AS ENUM ('BONUS', 'DEDUCTION', 'VETO');

-- CreateEnum
CREATE TYPE "ObjectionStatus" AS ENUM ('PENDING', 'ACCEPTED', 'REJECTED');

-- CreateTable
CREATE TABLE "TaskIndicatorLog" (
    "id" BIGSERIAL NOT NULL,
    "taskId" INTEGER NOT NULL,
    "indicatorId" INTEGER NOT NULL,
    "actual" DECIMAL(20,6),
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TaskIndicatorLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AssessmentScheme" (
    "id" SERIAL NOT NULL,
    "orgId" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "seriesId" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "title" TEXT NOT NULL,
    "scope" "AssessmentScope" NOT NULL,
    "level" "OrgLevel",
    "planId" INTEGER,
    "rules" JSONB NOT NULL,
    "status" "AssessmentSchemeStatus" NOT NULL DEFAULT 'DRAFT',
    "createdById" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishedAt" TIMESTAMPTZ(3),

    CONSTRAINT "AssessmentScheme_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AssessmentItem" (
    "id" SERIAL NOT NULL,
    "seriesId" INTEGER NOT NULL,
    "orgId" INTEGER NOT NULL,
    "kind" "AssessmentItemKind" NOT NULL,
    "points" DECIMAL(8,2) NOT NULL,
    "reason" TEXT NOT NULL,
    "attachmentIds" INTEGER[],
    "day" DATE NOT NULL,
    "createdById" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "withdrawnAt" TIMESTAMPTZ(3),
    "withdrawnById" INTEGER,

    CONSTRAINT "AssessmentItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AssessmentResult" (
    "id" SERIAL NOT NULL,
    "schemeId" INTEGER NOT NULL,
    "asOf" DATE NOT NULL,
    "docNumber" TEXT,
    "objectionDeadline" DATE NOT NULL,
    "publishedById" INTEGER NOT NULL,
    "publishedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AssessmentResult_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AssessmentScore" (
    "resultId" INTEGER NOT NULL,
    "orgId" INTEGER NOT NULL,
    "total" DECIMAL(10,2) NOT NULL,
    "grade" TEXT NOT NULL,
    "rank" INTEGER NOT NULL,
    "vetoed" BOOLEAN NOT NULL,
    "lines" JSONB NOT NULL,

    CONSTRAINT "AssessmentScore_pkey" PRIMARY KEY ("resultId","orgId")
);

-- CreateTable
CREATE TABLE "AssessmentObjection" (
    "id" SERIAL NOT NULL,
    "resultId" INTEGER NOT NULL,
    "orgId" INTEGER NOT NULL,
    "lineKey" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "status" "ObjectionStatus" NOT NULL DEFAULT 'PENDING',
    "acceptedPoints" DECIMAL(8,2),
    "decisionNote" TEXT,
    "createdById" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedById" INTEGER,
    "decidedAt" TIMESTAMPTZ(3),

    CONSTRAINT "AssessmentObjection_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "TaskIndicatorLog_taskId_indicatorId_at_idx" ON "TaskIndicatorLog"("taskId", "indicatorId", "at");

-- CreateIndex
CREATE INDEX "AssessmentScheme_orgId_year_idx" ON "AssessmentScheme"("orgId", "year");

-- CreateIndex
CREATE INDEX "AssessmentScheme_seriesId_idx" ON "AssessmentScheme"("seriesId");

-- CreateIndex
CREATE INDEX "AssessmentItem_seriesId_orgId_idx" ON "AssessmentItem"("seriesId", "orgId");

-- CreateIndex
CREATE INDEX "AssessmentResult_schemeId_idx" ON "AssessmentResult"("schemeId");

-- CreateIndex
CREATE INDEX "AssessmentObjection_resultId_orgId_idx" ON "AssessmentObjection"("resultId", "orgId");

-- The actuals already held: one log row each, dated by the task's latest progress.
INSERT INTO "TaskIndicatorLog" ("taskId", "indicatorId", actual, at)
SELECT ti."taskId", ti."indicatorId", ti.actual, COALESCE(t."lastProgressAt" AT TIME ZONE 'UTC', now())
FROM "TaskIndicator" ti JOIN "Task" t ON t.id = ti."taskId"
WHERE ti.actual IS NOT NULL;

-- A new permission: managers define and run 考评 (a permission introduced later is granted by its own migration).
INSERT INTO "RolePermission" (role, permission) VALUES ('MANAGER', 'assessment:manage') ON CONFLICT DO NOTHING;
