import "server-only";
import { NextResponse } from "next/server";
import { isAppError, type TErrorCode } from "./errors";
import { parseId } from "./input";

const STATUS: Partial<Record<TErrorCode, number>> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  PASSWORD_CHANGE_REQUIRED: 403,
  NOT_FOUND: 404,
  VALIDATION: 400,
  CONFLICT: 409,
  INVALID_TRANSITION: 409,
  ALREADY_EXISTS: 409,
  FILE_TOO_LARGE: 413,
  FILE_TYPE: 415,
  UPLOAD_QUOTA: 429,
  TOO_MANY: 400,
};

/**
 * A route handler error as `{ code }` JSON (plus `fieldErrors` for a bad request): known codes keep
 * their status; anything else is logged and hidden.
 */
export function errorResponse(e: unknown): NextResponse {
  if (isAppError(e))
    return NextResponse.json(
      e.fieldErrors ? { code: e.code, fieldErrors: e.fieldErrors } : { code: e.code },
      { status: STATUS[e.code] ?? 400 },
    );
  console.error("[route] unexpected error", e);
  return NextResponse.json({ code: "INTERNAL" }, { status: 500 });
}

/** An id route parameter (strict: digits only, 1..2³¹−1, `lib/input.ts#parseId`), or null. */
export function idParam(raw: string): number | null {
  return parseId(raw);
}
