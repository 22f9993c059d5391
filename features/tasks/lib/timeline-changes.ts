// What a timeline entry's `changes` ({field: [before, after]}) says, line by line. Pure, so that
// the rules are tested: nothing-to-nothing and unchanged pairs say nothing, and counts that only
// appear (evidence added, tasks passed down) read as additions, not as "— → 1".
// An extension request is not a due-date change: it reads "extension to X requested", with the
// outcome of its decision, and only an approved extension shows the due date moving.
export type TExtensionOutcome = "PENDING" | "APPROVED" | "REJECTED";
export type TChangeLine =
  | { field: string; kind: "change"; before: unknown; after: unknown }
  | { field: string; kind: "added"; count: number }
  | { field: "extension"; kind: "requested" | "rejected"; toDue: string; outcome: TExtensionOutcome };

const ADDED_COUNTS = new Set(["evidence", "tasks"]);
const empty = (v: unknown) => v === null || v === undefined || v === "";

function pairs(changes: unknown): [string, unknown, unknown][] {
  if (!changes || typeof changes !== "object" || Array.isArray(changes)) return [];
  return Object.entries(changes as Record<string, unknown>).flatMap(([field, pair]) =>
    Array.isArray(pair) && pair.length === 2 ? [[field, pair[0], pair[1]] as [string, unknown, unknown]] : [],
  );
}

export function changeLines(changes: unknown): TChangeLine[] {
  return pairs(changes).flatMap(([field, before, after]): TChangeLine[] => {
    if ((empty(before) && empty(after)) || before === after) return [];
    if (ADDED_COUNTS.has(field) && empty(before) && typeof after === "number")
      return [{ field, kind: "added", count: after }];
    return [{ field, kind: "change", before, after }];
  });
}

type TEventLike = { type: string; changes: unknown };

const requestedDue = (e: TEventLike): string | null => {
  const due = pairs(e.changes).find(([field]) => field === "dueDate");
  return due && typeof due[2] === "string" ? due[2] : null;
};

/**
 * The lines of every entry of a timeline (oldest first). A request is decided by the next
 * decision (one request is pending at a time), and a rejection names the date asked for.
 */
export function timelineLines(events: readonly TEventLike[]): TChangeLine[][] {
  let asked: string | null = null;
  return events.map((e, i) => {
    if (e.type === "EXTENSION_REQUESTED") {
      asked = requestedDue(e);
      const rest = changeLines(e.changes).filter((l) => l.field !== "dueDate");
      if (!asked) return rest;
      const decision = events.slice(i + 1).find((d) => d.type.startsWith("EXTENSION_"));
      const outcome: TExtensionOutcome =
        decision?.type === "EXTENSION_APPROVED"
          ? "APPROVED"
          : decision?.type === "EXTENSION_REJECTED"
            ? "REJECTED"
            : "PENDING";
      return [{ field: "extension", kind: "requested", toDue: asked, outcome }, ...rest];
    }
    if (e.type === "EXTENSION_REJECTED") {
      const toDue = asked;
      asked = null;
      const rest = changeLines(e.changes).filter((l) => l.field !== "dueDate");
      return toDue ? [{ field: "extension", kind: "rejected", toDue, outcome: "REJECTED" }, ...rest] : rest;
    }
    if (e.type === "EXTENSION_APPROVED") asked = null;
    return changeLines(e.changes);
  });
}
