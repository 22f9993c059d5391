-- CreateIndex
CREATE INDEX "Notification_taskId_idx" ON "Notification"("taskId");
