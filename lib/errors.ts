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
  | "INTERNAL";

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
