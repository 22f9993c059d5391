-- 定期报送 reminders (features/reporting/server/sweep-report-reminders.ts).
ALTER TYPE "NotificationType" ADD VALUE 'REPORT_DUE_SOON';
ALTER TYPE "NotificationType" ADD VALUE 'REPORT_OVERDUE';
ALTER TYPE "NotificationType" ADD VALUE 'REPORT_OVERDUE_REVIEW';
