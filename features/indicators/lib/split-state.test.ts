import { describe, expect, it } from "vitest";
import { sendable, targetsOf, type TSplitState } from "./split-state";

const R = [
  { id: 11, code: "130102", name: "长安区", members: 50 },
  { id: 12, code: "130123", name: "正定县", members: 150 },
  { id: 13, code: "130121", name: "井陉县", members: 0 },
];
const state = (s: Partial<TSplitState>): TSplitState => ({
  on: true,
  total: "",
  mode: "typed",
  typed: {},
  sheet: null,
  ...s,
});

describe("the form's split of one indicator", () => {
  it("typed: each org's own value; empty or invalid ones are not set", () => {
    expect(targetsOf(state({ typed: { 11: "3", 12: "4.5", 13: "-1" } }), R)).toEqual([3, 4.5, null]);
  });

  it("equal and by members: the total split (hand-computed), nothing before a total is typed", () => {
    expect(targetsOf(state({ mode: "equal", total: "100" }), R)).toEqual([34, 33, 33]);
    // 80 × 50/200 = 20, × 150/200 = 60, × 0 = 0.
    expect(targetsOf(state({ mode: "members", total: "80" }), R)).toEqual([20, 60, 0]);
    expect(targetsOf(state({ mode: "members", total: "" }), R)).toEqual([null, null, null]);
  });

  it("sheet: matched by org code; an org missing from the sheet is not set", () => {
    expect(targetsOf(state({ mode: "sheet", sheet: { "130123": 7, "999999": 1, "130102": 0 } }), R)).toEqual([
      0,
      7,
      null,
    ]);
  });

  it("sends every recipient's target, or nothing while one is missing", () => {
    expect(sendable(5, [1, 2, 3], R)).toEqual({
      indicatorId: 5,
      targets: [
        { orgId: 11, target: 1 },
        { orgId: 12, target: 2 },
        { orgId: 13, target: 3 },
      ],
    });
    expect(sendable(5, [1, null, 3], R)).toBeNull();
    expect(sendable(5, [], [])).toBeNull();
  });
});
