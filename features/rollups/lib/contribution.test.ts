import { describe, expect, it } from "vitest";
import { addDays, chinaToday } from "@/lib/dates";
import { contribution, difference, dueChanges, isZero, type TTaskSnap } from "./contribution";

// Due in 120 days (a China calendar day, UTC midnight); `at(h, m)` is that day at h:m UTC.
const due = addDays(chinaToday(), 120);
const at = (h: number, m: number) => new Date(due.getTime() + (h * 60 + m) * 60_000);
const snap = (over: Partial<TTaskSnap>): TTaskSnap => ({
  status: "IN_PROGRESS",
  progress: 40,
  dueDate: due,
  completedAt: null,
  ...over,
});

describe("roll-up contribution of a task", () => {
  it("counts its status once and its progress, completed as 100, cancelled as nothing", () => {
    expect(contribution(snap({}))).toMatchObject({ inProgress: 1, progressSum: 40, completed: 0 });
    expect(contribution(snap({ status: "COMPLETED", progress: 80, completedAt: at(15, 59) }))).toMatchObject({
      completed: 1,
      completedOnTime: 1,
      progressSum: 100,
    });
    expect(contribution(snap({ status: "CANCELLED" }))).toEqual(contribution(null));
  });

  it("on time is judged by the China calendar day", () => {
    // 23:59 of the due day in Beijing is 15:59 UTC: on time; 16:01 UTC is already the next day there.
    expect(contribution(snap({ status: "COMPLETED", completedAt: at(16, 1) })).completedOnTime).toBe(0);
  });

  it("the difference moves exactly one count between statuses", () => {
    const d = difference(
      snap({ status: "SUBMITTED", progress: 100 }),
      snap({ status: "IN_PROGRESS", progress: 100 }),
    );
    expect(d).toMatchObject({ submitted: -1, inProgress: 1, progressSum: 0 });
    expect(isZero(difference(snap({}), snap({})))).toBe(true);
    expect(difference(null, snap({ status: "PENDING_SIGN", progress: 0 }))).toMatchObject({
      pendingSign: 1,
      progressSum: 0,
    });
  });

  it("open tasks per due date move with extensions and leave on completion", () => {
    const later = addDays(due, 90);
    expect(dueChanges(snap({}), snap({ dueDate: later }))).toEqual([
      [due, -1],
      [later, 1],
    ]);
    expect(dueChanges(snap({}), snap({ progress: 90 }))).toEqual([]);
    expect(
      dueChanges(snap({ status: "SUBMITTED" }), snap({ status: "COMPLETED", completedAt: due })),
    ).toEqual([[due, -1]]);
    expect(dueChanges(null, snap({ status: "PENDING_SIGN" }))).toEqual([[due, 1]]);
  });
});
