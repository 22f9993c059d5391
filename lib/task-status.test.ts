import { describe, expect, it } from "vitest";
import { TaskStatus } from "@/lib/generated/prisma/enums";
import { OPEN_STATUSES, TASK_STATUSES, isOpen, progressCounted } from "./task-status";

// Written out independently of the constants: status → [open, what a task at 37 % adds to a sum].
const EXPECTED = {
  PENDING_SIGN: [true, 37],
  HANDED_BACK: [true, 37],
  IN_PROGRESS: [true, 37],
  SUBMITTED: [true, 37],
  COMPLETED: [false, 100],
  CANCELLED: [false, 0],
} as const;

describe("task status rules", () => {
  it("lists exactly the statuses of the Prisma enum", () => {
    expect([...TASK_STATUSES].sort()).toEqual(Object.values(TaskStatus).sort());
    expect(Object.keys(EXPECTED).sort()).toEqual([...TASK_STATUSES].sort());
  });

  it.each(Object.entries(EXPECTED))("%s: open and counted progress", (status, [open, counted]) => {
    const s = status as keyof typeof EXPECTED;
    expect(isOpen(s)).toBe(open);
    expect(OPEN_STATUSES.includes(s as never)).toBe(open);
    expect(progressCounted(s, 37)).toBe(counted);
  });

  it("keeps a derived (fractional) progress exactly", () => {
    expect(progressCounted("IN_PROGRESS", 4.545455)).toBe(4.545455);
    expect(progressCounted("COMPLETED", 4.545455)).toBe(100);
  });
});
