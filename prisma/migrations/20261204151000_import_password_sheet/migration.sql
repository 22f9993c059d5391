-- CreateTable
CREATE TABLE "ImportPasswordSheet" (
    "id" SERIAL NOT NULL,
    "importJobId" INTEGER NOT NULL,
    "ownerId" INTEGER NOT NULL,
    "accounts" INTEGER NOT NULL,
    "ciphertext" BYTEA,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "downloadedAt" TIMESTAMPTZ(3),

    CONSTRAINT "ImportPasswordSheet_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ImportPasswordSheet_importJobId_key" ON "ImportPasswordSheet"("importJobId");

-- CreateIndex
CREATE INDEX "ImportPasswordSheet_expiresAt_idx" ON "ImportPasswordSheet"("expiresAt");
