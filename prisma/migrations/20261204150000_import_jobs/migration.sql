-- CreateEnum
CREATE TYPE "ImportKind" AS ENUM ('ORGS', 'USERS');

-- CreateEnum
CREATE TYPE "ImportStatus" AS ENUM ('QUEUED', 'PARSING', 'PREVIEW', 'COMMITTING', 'DONE', 'FAILED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "ImportRowAction" AS ENUM ('NEW', 'CHANGED', 'UNCHANGED', 'ERROR');

-- CreateTable
CREATE TABLE "ImportJob" (
    "id" SERIAL NOT NULL,
    "kind" "ImportKind" NOT NULL,
    "orgId" INTEGER NOT NULL,
    "createdById" INTEGER NOT NULL,
    "status" "ImportStatus" NOT NULL DEFAULT 'QUEUED',
    "fileName" TEXT NOT NULL,
    "fileFormat" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "fileBytes" INTEGER NOT NULL,
    "progressDone" INTEGER NOT NULL DEFAULT 0,
    "progressTotal" INTEGER NOT NULL DEFAULT 0,
    "newCount" INTEGER NOT NULL DEFAULT 0,
    "changedCount" INTEGER NOT NULL DEFAULT 0,
    "unchangedCount" INTEGER NOT NULL DEFAULT 0,
    "errorCount" INTEGER NOT NULL DEFAULT 0,
    "errorCode" TEXT,
    "errorParams" JSONB,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "previewAt" TIMESTAMPTZ(3),
    "finishedAt" TIMESTAMPTZ(3),

    CONSTRAINT "ImportJob_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImportRow" (
    "jobId" INTEGER NOT NULL,
    "rowNo" INTEGER NOT NULL,
    "action" "ImportRowAction" NOT NULL,
    "cells" JSONB NOT NULL,
    "data" JSONB,
    "targetId" INTEGER,
    "changes" JSONB,
    "errors" JSONB,

    CONSTRAINT "ImportRow_pkey" PRIMARY KEY ("jobId","rowNo")
);

-- CreateIndex
CREATE INDEX "ImportJob_createdById_id_idx" ON "ImportJob"("createdById", "id");

-- CreateIndex
CREATE INDEX "ImportJob_orgId_id_idx" ON "ImportJob"("orgId", "id");

-- CreateIndex
CREATE INDEX "ImportJob_status_idx" ON "ImportJob"("status");

-- CreateIndex
CREATE INDEX "ImportRow_jobId_action_rowNo_idx" ON "ImportRow"("jobId", "action", "rowNo");

-- AddForeignKey
ALTER TABLE "ImportRow" ADD CONSTRAINT "ImportRow_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "ImportJob"("id") ON DELETE CASCADE ON UPDATE CASCADE;
