import { z } from "zod";

// The one place where untrusted input becomes an id, a piece of text or a search pattern.
// Every route, page, action and schema goes through these, so a rule is fixed once.

/** Ids are PostgreSQL `integer` (serial) columns: anything above this can only be a bad request. */
export const MAX_ID = 2_147_483_647;

const ID_DIGITS = /^[1-9][0-9]{0,9}$/;

/**
 * A strict id: a safe integer 1..2³¹−1, or its canonical decimal form (digits only, no sign,
 * exponent, decimal point, spaces or leading zeros). Anything else is null, never a guess:
 * `"1e2"`, `"0x10"`, `" 7"` and `"99999999999"` are not ids.
 */
export function parseId(raw: unknown): number | null {
  if (typeof raw === "number") return Number.isInteger(raw) && raw >= 1 && raw <= MAX_ID ? raw : null;
  if (typeof raw !== "string" || !ID_DIGITS.test(raw)) return null;
  const n = Number(raw);
  return n <= MAX_ID ? n : null;
}

/** The zod form of `parseId` (number or digit string in, number out); the message is `validation.invalid`. */
export const zId = z.union([z.number(), z.string()]).transform((v, ctx) => {
  const n = parseId(v);
  if (n === null) {
    ctx.addIssue({ code: "custom", message: "invalid" });
    return z.NEVER;
  }
  return n;
});

/** For JSON inputs whose forms hold the id as a number: the same range, numbers only. */
export const zNumberId = z.number("invalid").int("invalid").min(1, "invalid").max(MAX_ID, "invalid");

// NUL cannot be stored in PostgreSQL text, and a lone surrogate cannot be encoded as UTF-8: both made
// the database driver fail (500). Other C0 controls (tab, newline and carriage return excepted) are
// refused with them: no legitimate text of this app contains them.
// eslint-disable-next-line no-control-regex -- control characters are exactly what this finds
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True when the text can be stored and shown: well-formed UTF-16 and no control characters. */
export function isCleanText(s: string): boolean {
  return !CONTROL.test(s) && !LONE_SURROGATE.test(s);
}

/**
 * A string schema for free text from users (comments, narratives, names, search boxes): refuses
 * NUL, other control characters and lone surrogates with the message `validation.text`. Chain the
 * usual `.trim().min().max()` after it.
 */
export function zText() {
  return z.string().refine(isCleanText, "text");
}

/**
 * A search box's value from the URL: trimmed and cut to `max` characters, or undefined when absent,
 * empty or not clean text (a page then lists as without a search rather than failing).
 */
export function searchText(raw: unknown, max: number): string | undefined {
  if (typeof raw !== "string") return undefined;
  const s = raw.trim().slice(0, max);
  // Cutting may split a surrogate pair: that also counts as not clean.
  return s && isCleanText(s) ? s : undefined;
}

/**
 * The text of a `contains` / `startsWith` / LIKE pattern with its wildcards taken literally:
 * `%`, `_` and the escape character `\` itself are escaped (PostgreSQL's default LIKE escape is `\`,
 * and Prisma's `contains` builds `LIKE '%' || value || '%'` without escaping).
 */
export function likeLiteral(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** A calendar day as date inputs give it (YYYY-MM-DD), and a real one (no 2026-02-30). */
export const ZDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "date")
  .refine(
    (s) =>
      !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    "date",
  );
