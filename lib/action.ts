import "server-only";
import type { z } from "zod";
import { markRecentWrite } from "./db/read-db";
import { AppError, type TActionResult } from "./errors";

/**
 * The one mutation path for server actions: parse the input with the shared zod
 * schema, then run (authorize + domain call). Known failures become coded
 * results; anything else is logged and reported as INTERNAL without details. A success marks
 * the user's recent write, so their next reads come from the primary (lib/db/read-db.ts).
 */
export async function runAction<S extends z.ZodType, R>(
  schema: S,
  input: unknown,
  fn: (data: z.infer<S>) => Promise<R>,
): Promise<TActionResult<R>> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) fieldErrors[issue.path.join(".")] ??= issue.message;
    return { ok: false, code: "VALIDATION", fieldErrors };
  }
  let data: R;
  try {
    data = await fn(parsed.data);
  } catch (e) {
    if (e instanceof AppError) return { ok: false, code: e.code, fieldErrors: e.fieldErrors };
    console.error("[action] unexpected error", e);
    return { ok: false, code: "INTERNAL" };
  }
  await markRecentWrite();
  return { ok: true, data };
}
