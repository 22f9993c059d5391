-- Timeline entries of the tree changes (move, merge, close of an org), and the notice to a successor union
ALTER TYPE "TaskEventType" ADD VALUE 'ORG_MOVED';
ALTER TYPE "TaskEventType" ADD VALUE 'ORG_MERGED';
ALTER TYPE "TaskEventType" ADD VALUE 'ORG_CLOSED';
ALTER TYPE "NotificationType" ADD VALUE 'TASKS_RECEIVED';
