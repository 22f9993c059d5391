import { describe, expect, it } from "vitest";
import {
  ALLOWED_FROM,
  TASK_ACTIONS,
  TASK_STATUSES,
  TransitionError,
  canApply,
  isOverdue,
  nextStatus,
} from "./state-machine";

// The full table, written out independently of ALLOWED_FROM: action → { from: to }.
const EXPECTED: Record<
  (typeof TASK_ACTIONS)[number],
  Partial<Record<(typeof TASK_STATUSES)[number], (typeof TASK_STATUSES)[number]>>
> = {
  sign: { PENDING_SIGN: "IN_PROGRESS" },
  handBack: { PENDING_SIGN: "HANDED_BACK" },
  reassign: { HANDED_BACK: "PENDING_SIGN" },
  transfer: { HANDED_BACK: "CANCELLED" },
  cancel: { PENDING_SIGN: "CANCELLED", HANDED_BACK: "CANCELLED", IN_PROGRESS: "CANCELLED" },
  assignStaff: { IN_PROGRESS: "IN_PROGRESS" },
  logProgress: { IN_PROGRESS: "IN_PROGRESS" },
  submit: { IN_PROGRESS: "SUBMITTED" },
  withdraw: { SUBMITTED: "IN_PROGRESS" },
  approve: { SUBMITTED: "COMPLETED" },
  return: { SUBMITTED: "IN_PROGRESS" },
  requestExtension: { PENDING_SIGN: "PENDING_SIGN", IN_PROGRESS: "IN_PROGRESS" },
  decideExtension: {
    PENDING_SIGN: "PENDING_SIGN",
    HANDED_BACK: "HANDED_BACK",
    IN_PROGRESS: "IN_PROGRESS",
    SUBMITTED: "SUBMITTED",
  },
  cascade: { IN_PROGRESS: "IN_PROGRESS" },
  nudge: { PENDING_SIGN: "PENDING_SIGN", IN_PROGRESS: "IN_PROGRESS", HANDED_BACK: "HANDED_BACK" },
  nudgeChildren: { IN_PROGRESS: "IN_PROGRESS", SUBMITTED: "SUBMITTED" },
  comment: Object.fromEntries(TASK_STATUSES.map((s) => [s, s])),
};

describe("task state machine", () => {
  for (const action of TASK_ACTIONS) {
    for (const from of TASK_STATUSES) {
      const to = EXPECTED[action][from];
      it(`${action} from ${from} → ${to ?? "refused"}`, () => {
        expect(canApply(from, action)).toBe(to !== undefined);
        if (to) expect(nextStatus(from, action)).toBe(to);
        else expect(() => nextStatus(from, action)).toThrow(TransitionError);
      });
    }
  }

  it("nothing leaves a final status except comments", () => {
    for (const action of TASK_ACTIONS.filter((a) => a !== "comment")) {
      expect(ALLOWED_FROM[action]).not.toContain("COMPLETED");
      expect(ALLOWED_FROM[action]).not.toContain("CANCELLED");
    }
  });

  it("overdue: past the due day and not completed or cancelled", () => {
    const today = new Date("2026-11-24T00:00:00Z");
    const yesterday = new Date("2026-11-23T00:00:00Z");
    expect(isOverdue({ status: "IN_PROGRESS", dueDate: yesterday }, today)).toBe(true);
    expect(isOverdue({ status: "SUBMITTED", dueDate: yesterday }, today)).toBe(true);
    expect(isOverdue({ status: "IN_PROGRESS", dueDate: today }, today)).toBe(false);
    expect(isOverdue({ status: "COMPLETED", dueDate: yesterday }, today)).toBe(false);
    expect(isOverdue({ status: "CANCELLED", dueDate: yesterday }, today)).toBe(false);
  });
});
