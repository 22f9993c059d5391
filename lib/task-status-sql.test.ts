import { describe, expect, it } from "vitest";
import { countedProgressSql, openStatusSql } from "./task-status-sql";

describe("task status SQL", () => {
  it("writes the open statuses as an IN list without parameters", () => {
    const q = openStatusSql("t.status");
    expect(q.sql).toBe("t.status IN ('PENDING_SIGN', 'HANDED_BACK', 'IN_PROGRESS', 'SUBMITTED')");
    expect(q.values).toEqual([]);
  });

  it("writes the counted progress as a CASE", () => {
    expect(countedProgressSql(`"Task".status`, `"Task".progress`).sql).toBe(
      `CASE WHEN "Task".status = 'COMPLETED' THEN 100 WHEN "Task".status = 'CANCELLED' THEN 0 ELSE "Task".progress END`,
    );
    expect(countedProgressSql("status", "new").sql).toBe(
      "CASE WHEN status = 'COMPLETED' THEN 100 WHEN status = 'CANCELLED' THEN 0 ELSE new END",
    );
  });

  it("refuses anything but a column reference", () => {
    expect(() => openStatusSql("t.status) OR (1=1")).toThrow();
    expect(() => countedProgressSql("t.status", "0; DROP TABLE x")).toThrow();
  });
});
