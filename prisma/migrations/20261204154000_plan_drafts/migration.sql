-- CreateEnum
CREATE TYPE "PlanDraftStatus" AS ENUM ('DRAFT', 'PUBLISHED', 'DISCARDED');

-- CreateTable
CREATE TABLE "PlanDraft" (
    "id" SERIAL NOT NULL,
    "status" "PlanDraftStatus" NOT NULL DEFAULT 'DRAFT',
    "title" TEXT NOT NULL,
    "kind" "PlanKind" NOT NULL,
    "codePrefix" TEXT NOT NULL DEFAULT '',
    "periodStart" DATE,
    "periodEnd" DATE,
    "issuingOrgId" INTEGER NOT NULL,
    "tree" JSONB NOT NULL,
    "sourceName" TEXT,
    "createdById" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "planId" INTEGER,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "PlanDraft_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PlanDraft_createdById_status_idx" ON "PlanDraft"("createdById", "status");

-- CreateIndex
CREATE INDEX "PlanDraft_issuingOrgId_idx" ON "PlanDraft"("issuingOrgId");

-- AddForeignKey
ALTER TABLE "PlanDraft" ADD CONSTRAINT "PlanDraft_issuingOrgId_fkey" FOREIGN KEY ("issuingOrgId") REFERENCES "Org"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
