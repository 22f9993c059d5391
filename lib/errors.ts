// Expected failures carry a code; the UI maps codes to translated messages.
// Anything else is logged on the server and shown as a generic error.
export type TErrorCode =
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "VALIDATION"
  | "CONFLICT"
  | "USERNAME_TAKEN"
  | "ROLE_NOT_ALLOWED"
  | "PASSWORD_CHANGE_REQUIRED"
  | "INVALID_TRANSITION"
  | "ALREADY_EXISTS"
  | "TOO_MANY"
  | "FILE_TOO_LARGE"
  | "FILE_TYPE"
  | "UPLOAD_QUOTA"
  | "ORG_CLOSED"
  | "ORG_NOT_CHANGEABLE"
  | "ORG_TASKS_SUBMITTED"
  | "INTERNAL"
  // Plan import and editing (features/plan-import, features/plan-edit)
  | "PLAN_FILE_EMPTY"
  | "PLAN_FILE_UNSAFE"
  | "PLAN_FILE_UNREADABLE"
  | "PLAN_PART_NOT_FOUND"
  | "PLAN_PREFIX_TAKEN"
  | "PLAN_OPEN_TASKS"
  // Indicators (features/indicators): targets of a 下达/分解, values of a 进展
  | "INDICATOR_ONE_MEASURE"
  | "INDICATOR_NOT_OF_MEASURE"
  | "INDICATOR_TARGET_ORGS"
  | "INDICATOR_DERIVED"
  // 考评 (features/assessment): items and results need a published scheme; 申诉 until the deadline
  | "ASSESSMENT_NOT_PUBLISHED"
  | "ASSESSMENT_STALE"
  | "OBJECTION_CLOSED";

export class AppError extends Error {
  constructor(
    public readonly code: TErrorCode,
    public readonly fieldErrors?: Record<string, string>,
  ) {
    super(code);
    this.name = "AppError";
  }
}

export type TActionResult<T = undefined> =
  { ok: true; data: T } | { ok: false; code: TErrorCode; fieldErrors?: Record<string, string> };

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
