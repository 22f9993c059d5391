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
  },
};
