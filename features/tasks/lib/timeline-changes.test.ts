import { describe, expect, it } from "vitest";
import { addDays, chinaToday, formatDay } from "@/lib/dates";
import { changeLines, timelineLines } from "./timeline-changes";

const due = formatDay(addDays(chinaToday(), 30));
const later = formatDay(addDays(chinaToday(), 60));

describe("timeline change lines", () => {
  it("says nothing for nothing-to-nothing or unchanged pairs", () => {
    expect(changeLines({ helpers: [null, null], responsible: ["", null], progress: [60, 60] })).toEqual([]);
    expect(changeLines(null)).toEqual([]);
    expect(changeLines([1, 2])).toEqual([]);
  });
  it("reads evidence and tasks passed down as additions", () => {
    expect(changeLines({ evidence: [null, 2], tasks: [null, 22] })).toEqual([
      { field: "evidence", kind: "added", count: 2 },
      { field: "tasks", kind: "added", count: 22 },
    ]);
  });
  it("keeps real changes, in order", () => {
    expect(changeLines({ progress: [40, 60], dueDate: [due, later], helpers: [null, "张三"] })).toEqual([
      { field: "progress", kind: "change", before: 40, after: 60 },
      { field: "dueDate", kind: "change", before: due, after: later },
      { field: "helpers", kind: "change", before: null, after: "张三" },
    ]);
  });
});

describe("extension entries on the timeline", () => {
  const ask = (to: string) => ({ type: "EXTENSION_REQUESTED", changes: { dueDate: [due, to] } });
  const other = { type: "NUDGED", changes: null };

  it("a rejected request reads as requested and rejected, never as a due-date change", () => {
    const lines = timelineLines([ask(later), other, { type: "EXTENSION_REJECTED", changes: {} }]);
    expect(lines).toEqual([
      [{ field: "extension", kind: "requested", toDue: later, outcome: "REJECTED" }],
      [],
      [{ field: "extension", kind: "rejected", toDue: later, outcome: "REJECTED" }],
    ]);
    expect(lines.flat().some((l) => l.field === "dueDate")).toBe(false);
  });

  it("only the approval shows the due date moving; a request still open says so", () => {
    const approval = { type: "EXTENSION_APPROVED", changes: { dueDate: [due, later] } };
    const latest = formatDay(addDays(chinaToday(), 90));
    const lines = timelineLines([ask(later), approval, ask(latest)]);
    expect(lines[0]).toEqual([{ field: "extension", kind: "requested", toDue: later, outcome: "APPROVED" }]);
    expect(lines[1]).toEqual([{ field: "dueDate", kind: "change", before: due, after: later }]);
    expect(lines[2]).toEqual([{ field: "extension", kind: "requested", toDue: latest, outcome: "PENDING" }]);
  });

  it("a second request after a rejection is judged by its own decision", () => {
    const latest = formatDay(addDays(chinaToday(), 90));
    const lines = timelineLines([
      ask(later),
      { type: "EXTENSION_REJECTED", changes: null },
      ask(latest),
      { type: "EXTENSION_APPROVED", changes: { dueDate: [due, latest] } },
    ]);
    expect(
      lines.map((l) => l[0] && ("outcome" in l[0] ? [l[0].kind, l[0].toDue, l[0].outcome] : l[0].kind)),
    ).toEqual([
      ["requested", later, "REJECTED"],
      ["rejected", later, "REJECTED"],
      ["requested", latest, "APPROVED"],
      "change",
    ]);
  });
});
