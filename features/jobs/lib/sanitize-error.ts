// What a failed run keeps of its error (JobRun.error, shown to the system admin): the first line of
// the message, URLs (connection strings carry passwords) replaced, at most MAX_ERROR characters.
// Never a stack: paths and SQL stay in the server log.
export const MAX_ERROR = 300;

export function sanitizeError(e: unknown): string {
  const raw = e instanceof Error ? `${e.name}: ${e.message}` : typeof e === "string" ? e : "unknown error";
  const line = (raw.split(/\r?\n/, 1)[0] ?? "")
    .replace(/\b[a-z][a-z0-9+.-]*:\/\/\S+/gi, "[url]")
    .replace(/\s+/g, " ")
    .trim();
  const text = line || "unknown error";
  return text.length > MAX_ERROR ? `${text.slice(0, MAX_ERROR - 1)}…` : text;
}
