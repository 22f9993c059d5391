-- CreateEnum
CREATE TYPE "PlanKind" AS ENUM ('CONGRESS_REPORT', 'WORK_POINTS', 'OTHER');

-- CreateEnum
CREATE TYPE "OrgType" AS ENUM ('ENTERPRISE', 'INSTITUTION', 'COMMUNITY', 'INDUSTRY', 'JOINT', 'OTHER');

-- CreateEnum
CREATE TYPE "ChangeEntity" AS ENUM ('ORG', 'USER', 'PLAN', 'OBJECTIVE');

-- AlterTable (planId is filled below before it becomes NOT NULL)
ALTER TABLE "Objective" ADD COLUMN     "planId" INTEGER,
ADD COLUMN     "retiredAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "Org" ADD COLUMN     "chairName" TEXT,
ADD COLUMN     "closeReason" TEXT,
ADD COLUMN     "closedAt" TIMESTAMPTZ(3),
ADD COLUMN     "contact" TEXT,
ADD COLUMN     "memberCount" INTEGER,
ADD COLUMN     "successorId" INTEGER,
ADD COLUMN     "type" "OrgType";

-- CreateTable
CREATE TABLE "Plan" (
    "id" SERIAL NOT NULL,
    "codePrefix" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "kind" "PlanKind" NOT NULL,
    "periodStart" DATE NOT NULL,
    "periodEnd" DATE NOT NULL,
    "issuingOrgId" INTEGER NOT NULL,
    "createdById" INTEGER,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Plan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChangeLog" (
    "id" SERIAL NOT NULL,
    "entity" "ChangeEntity" NOT NULL,
    "entityId" INTEGER NOT NULL,
    "action" TEXT NOT NULL,
    "changes" JSONB,
    "note" TEXT,
    "actorId" INTEGER,
    "importJobId" INTEGER,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChangeLog_pkey" PRIMARY KEY ("id")
);

-- An existing database holds one plan, the 17th report (root code 3): it becomes plan 1 and owns
-- every objective. A fresh database has no objectives yet (the seed writes the plan).
INSERT INTO "Plan" ("codePrefix", title, kind, "periodStart", "periodEnd", "issuingOrgId", "updatedAt")
SELECT o.code, o.title, 'CONGRESS_REPORT', DATE '2018-10-22', DATE '2023-10-08', n.id, now()
FROM "Objective" o
JOIN LATERAL (SELECT id FROM "Org" WHERE level = 'NATIONAL' ORDER BY id LIMIT 1) n ON TRUE
WHERE o.level = 'PLAN' AND o.code = '3';

UPDATE "Objective" SET "planId" = (SELECT id FROM "Plan" WHERE "codePrefix" = '3');

ALTER TABLE "Objective" ALTER COLUMN "planId" SET NOT NULL;

-- New permissions: the 系统管理员 and managers keep the org tree, managers their plans.
INSERT INTO "RolePermission" (role, permission)
VALUES ('ADMIN', 'org:manage'), ('MANAGER', 'org:manage'), ('MANAGER', 'plan:manage')
ON CONFLICT DO NOTHING;

-- CreateIndex
CREATE UNIQUE INDEX "Plan_codePrefix_key" ON "Plan"("codePrefix");

-- CreateIndex
CREATE INDEX "Plan_issuingOrgId_idx" ON "Plan"("issuingOrgId");

-- CreateIndex
CREATE INDEX "ChangeLog_entity_entityId_id_idx" ON "ChangeLog"("entity", "entityId", "id");

-- CreateIndex
CREATE INDEX "ChangeLog_importJobId_idx" ON "ChangeLog"("importJobId");

-- CreateIndex
CREATE INDEX "Objective_planId_level_idx" ON "Objective"("planId", "level");

-- AddForeignKey
ALTER TABLE "Objective" ADD CONSTRAINT "Objective_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Plan" ADD CONSTRAINT "Plan_issuingOrgId_fkey" FOREIGN KEY ("issuingOrgId") REFERENCES "Org"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
