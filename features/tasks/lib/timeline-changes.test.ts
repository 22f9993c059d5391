import { describe, expect, it } from "vitest";
import { changeLines } from "./timeline-changes";

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
    expect(
      changeLines({ progress: [40, 60], dueDate: ["2026-12-31", "2027-01-31"], helpers: [null, "张三"] }),
    ).toEqual([
      { field: "progress", kind: "change", before: 40, after: 60 },
      { field: "dueDate", kind: "change", before: "2026-12-31", after: "2027-01-31" },
      { field: "helpers", kind: "change", before: null, after: "张三" },
    ]);
  });
});
