// The catalogue is split by feature so that features can be worked on side by side;
// each file owns one top-level namespace. Simplified Chinese first, English second.
import account_en from "../../messages/account.en.json";
import completion_en from "../../messages/completion.en.json";
import base_en from "../../messages/en.json";
import evidence_en from "../../messages/evidence.en.json";
import exports_en from "../../messages/exports.en.json";
import notifications_en from "../../messages/notifications.en.json";
import session_en from "../../messages/session.en.json";
import audit_en from "../../messages/audit.en.json";
import security_admin_en from "../../messages/security-admin.en.json";
import tasks_en from "../../messages/tasks.en.json";
import org_changes_en from "../../messages/org-changes.en.json";
import imports_en from "../../messages/imports.en.json";
import imports_zh from "../../messages/imports.zh-CN.json";
import people_en from "../../messages/people.en.json";
import plan_list_en from "../../messages/plan-list.en.json";
import plan_import_en from "../../messages/plan-import.en.json";
import plan_edit_en from "../../messages/plan-edit.en.json";
import indicators_en from "../../messages/indicators.en.json";
import indicator_views_en from "../../messages/indicator-views.en.json";
import account_zh from "../../messages/account.zh-CN.json";
import completion_zh from "../../messages/completion.zh-CN.json";
import base_zh from "../../messages/zh-CN.json";
import evidence_zh from "../../messages/evidence.zh-CN.json";
import exports_zh from "../../messages/exports.zh-CN.json";
import notifications_zh from "../../messages/notifications.zh-CN.json";
import session_zh from "../../messages/session.zh-CN.json";
import audit_zh from "../../messages/audit.zh-CN.json";
import security_admin_zh from "../../messages/security-admin.zh-CN.json";
import tasks_zh from "../../messages/tasks.zh-CN.json";
import org_changes_zh from "../../messages/org-changes.zh-CN.json";
import people_zh from "../../messages/people.zh-CN.json";
import plan_list_zh from "../../messages/plan-list.zh-CN.json";
import plan_import_zh from "../../messages/plan-import.zh-CN.json";
import plan_edit_zh from "../../messages/plan-edit.zh-CN.json";
import indicators_zh from "../../messages/indicators.zh-CN.json";
import indicator_views_zh from "../../messages/indicator-views.zh-CN.json";
import lights_en from "../../messages/lights.en.json";
import lights_zh from "../../messages/lights.zh-CN.json";
import report_status_en from "../../messages/report-status.en.json";
import report_status_zh from "../../messages/report-status.zh-CN.json";
import reporting_rules_en from "../../messages/reporting-rules.en.json";
import reporting_rules_zh from "../../messages/reporting-rules.zh-CN.json";
import assessment_en from "../../messages/assessment.en.json";
import assessment_zh from "../../messages/assessment.zh-CN.json";
import assessment_schemes_en from "../../messages/assessment-schemes.en.json";
import assessment_schemes_zh from "../../messages/assessment-schemes.zh-CN.json";
import assessment_outputs_en from "../../messages/assessment-outputs.en.json";
import assessment_outputs_zh from "../../messages/assessment-outputs.zh-CN.json";
import assessment_results_en from "../../messages/assessment-results.en.json";
import assessment_results_zh from "../../messages/assessment-results.zh-CN.json";
import jobs_en from "../../messages/jobs.en.json";
import jobs_zh from "../../messages/jobs.zh-CN.json";
import type { TLocale } from "./config";

export const MESSAGES: Record<TLocale, Record<string, unknown>> = {
  "zh-CN": {
    ...base_zh,
    ...tasks_zh,
    ...evidence_zh,
    ...notifications_zh,
    ...exports_zh,
    ...completion_zh,
    ...account_zh,
    ...session_zh,
    ...security_admin_zh,
    ...audit_zh,
    ...org_changes_zh,
    ...imports_zh,
    ...people_zh,
    ...plan_list_zh,
    ...plan_import_zh,
    ...plan_edit_zh,
    ...indicators_zh,
    ...indicator_views_zh,
    ...lights_zh,
    ...report_status_zh,
    ...reporting_rules_zh,
    ...assessment_zh,
    ...assessment_schemes_zh,
    ...assessment_outputs_zh,
    ...assessment_results_zh,
    ...jobs_zh,
  },
  en: {
    ...base_en,
    ...tasks_en,
    ...evidence_en,
    ...notifications_en,
    ...exports_en,
    ...completion_en,
    ...account_en,
    ...session_en,
    ...security_admin_en,
    ...audit_en,
    ...org_changes_en,
    ...imports_en,
    ...people_en,
    ...plan_list_en,
    ...plan_import_en,
    ...plan_edit_en,
    ...indicators_en,
    ...indicator_views_en,
    ...lights_en,
    ...report_status_en,
    ...reporting_rules_en,
    ...assessment_en,
    ...assessment_schemes_en,
    ...assessment_outputs_en,
    ...assessment_results_en,
    ...jobs_en,
  },
};
