import { describe, expect, it } from "vitest";
import { addDays, chinaToday, formatDay } from "@/lib/dates";
import { changeLines } from "./timeline-changes";

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
