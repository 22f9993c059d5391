// Every security-relevant event the audit trail records (等保 2.0 三级). The audit page filters on these;
// add a name here before recording it.
export const AUDIT_ACTIONS = [
  "auth.login",
  "auth.logout",
  "auth.locked",
  "auth.unlock",
  "session.revoke",
  "password.change",
  "password.reset",
  "user.create",
  "user.update",
  "user.role",
  "user.activate",
  "user.deactivate",
  "permission.change",
  "setting.change",
  "export.download",
  "evidence.download",
  "evidence.upload",
  "task.assign",
  "task.review",
  "audit.export",
  "audit.prune",
  "org.rename",
  "org.move",
  "org.merge",
  "org.close",
  "import.upload",
  "import.commit",
  "import.cancel",
  // A people import (counts), and the one download of its 初始密码单.
  "user.import",
  "user.initialPasswords",
  "plan.publish",
  "plan.edit",
  // 定期报送: a reporting rule created or retired.
  "reporting.rule",
  // 考评方案: a scheme version created, edited, published, copied to a new version or deleted (detail.op).
  "assessment.scheme",
  // 考评: a manual item added or withdrawn, a result published, an objection raised or decided (detail.op).
  "assessment.item",
  "assessment.result",
  "assessment.objection",
  // 定时任务: the system admin's 立即运行 of a scheduled job (detail: mode, outcome).
  "job.run",
] as const;

export type TAuditAction = (typeof AUDIT_ACTIONS)[number];
export type TAuditOutcome = "SUCCESS" | "FAILURE" | "DENIED";
