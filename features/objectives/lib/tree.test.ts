import { describe, expect, it } from "vitest";
import { ancestorCodes, buildObjectiveTree } from "./tree";

const row = (r: { id: number; code: string; level: string; parentId: number | null; sortOrder: number }) => ({
  ...r,
  title: r.code,
});

describe("buildObjectiveTree", () => {
  it("nests by parent, orders siblings and counts measures per subtree", () => {
    const tree = buildObjectiveTree([
      row({ id: 5, code: "3.1.1.2", level: "MEASURE", parentId: 3, sortOrder: 2 }),
      row({ id: 1, code: "3", level: "PLAN", parentId: null, sortOrder: 1 }),
      row({ id: 3, code: "3.1.1", level: "SUB_ITEM", parentId: 2, sortOrder: 1 }),
      row({ id: 2, code: "3.1", level: "MAIN_TASK", parentId: 1, sortOrder: 1 }),
      row({ id: 4, code: "3.1.1.1", level: "MEASURE", parentId: 3, sortOrder: 1 }),
      row({ id: 6, code: "3.2", level: "MAIN_TASK", parentId: 1, sortOrder: 2 }),
    ]);
    expect(tree).toHaveLength(1);
    const plan = tree[0]!;
    expect(plan.measureCount).toBe(2);
    expect(plan.children.map((c) => c.code)).toEqual(["3.1", "3.2"]);
    expect(plan.children[1]!.measureCount).toBe(0);
    expect(plan.children[0]!.children[0]!.children.map((c) => c.code)).toEqual(["3.1.1.1", "3.1.1.2"]);
  });
});

describe("ancestorCodes", () => {
  it("lists the ancestors root first", () => {
    expect(ancestorCodes("3.2.1.4")).toEqual(["3", "3.2", "3.2.1"]);
    expect(ancestorCodes("3")).toEqual([]);
  });
});
