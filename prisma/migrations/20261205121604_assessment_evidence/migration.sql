-- AlterTable
ALTER TABLE "AssessmentItem" DROP COLUMN "attachmentIds";

-- CreateTable
CREATE TABLE "AssessmentEvidence" (
    "id" SERIAL NOT NULL,
    "seriesId" INTEGER NOT NULL,
    "itemId" INTEGER,
    "uploaderId" INTEGER NOT NULL,
    "fileName" TEXT NOT NULL,
    "mime" TEXT NOT NULL,
    "kind" "AttachmentKind" NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "hasThumbnail" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AssessmentEvidence_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AssessmentEvidence_itemId_createdAt_idx" ON "AssessmentEvidence"("itemId", "createdAt");

-- CreateIndex
CREATE INDEX "AssessmentEvidence_uploaderId_createdAt_idx" ON "AssessmentEvidence"("uploaderId", "createdAt");

-- CreateIndex
CREATE INDEX "AssessmentEvidence_storageKey_idx" ON "AssessmentEvidence"("storageKey");

-- AddForeignKey
ALTER TABLE "AssessmentEvidence" ADD CONSTRAINT "AssessmentEvidence_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "AssessmentItem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
