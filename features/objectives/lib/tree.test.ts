import { describe, expect, it } from "vitest";
import { ancestorCodes, buildObjectiveTree } from "./tree";

const row = (id: number, code: string, level: string, parentId: number | null, sortOrder: number) => ({
  id,
  code,
  level,
  parentId,
  title: code,
  sortOrder,
});

describe("buildObjectiveTree", () => {
  it("nests by parent, orders siblings and counts measures per subtree", () => {
    const tree = buildObjectiveTree([
      row(5, "3.1.1.2", "MEASURE", 3, 2),
      row(1, "3", "PLAN", null, 1),
      row(3, "3.1.1", "SUB_ITEM", 2, 1),
      row(2, "3.1", "MAIN_TASK", 1, 1),
      row(4, "3.1.1.1", "MEASURE", 3, 1),
      row(6, "3.2", "MAIN_TASK", 1, 2),
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
