// What a timeline entry's `changes` ({field: [before, after]}) says, line by line. Pure, so that
// the rules are tested: nothing-to-nothing and unchanged pairs say nothing, and counts that only
// appear (evidence added, tasks passed down) read as additions, not as "— → 1".
export type TChangeLine =
  | { field: string; kind: "change"; before: unknown; after: unknown }
  | { field: string; kind: "added"; count: number };

const ADDED_COUNTS = new Set(["evidence", "tasks"]);
const empty = (v: unknown) => v === null || v === undefined || v === "";

export function changeLines(changes: unknown): TChangeLine[] {
  if (!changes || typeof changes !== "object" || Array.isArray(changes)) return [];
  return Object.entries(changes as Record<string, unknown>).flatMap(([field, pair]): TChangeLine[] => {
    if (!Array.isArray(pair) || pair.length !== 2) return [];
    const [before, after] = pair as [unknown, unknown];
    if ((empty(before) && empty(after)) || before === after) return [];
    if (ADDED_COUNTS.has(field) && empty(before) && typeof after === "number")
      return [{ field, kind: "added", count: after }];
    return [{ field, kind: "change", before, after }];
  });
}
