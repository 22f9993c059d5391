import { describe, expect, it } from "vitest";
import { singleMeasureId } from "./pick-measure";

const nodes = [
  { id: 1, code: "3.1", level: "MAIN_TASK" },
  { id: 2, code: "3.1.1", level: "SUB_ITEM" },
  { id: 3, code: "3.1.1.1", level: "MEASURE" },
  { id: 4, code: "3.1.2", level: "SUB_ITEM" },
  { id: 5, code: "3.1.2.1", level: "MEASURE" },
  { id: 6, code: "3.1.2.10", level: "MEASURE" },
];

describe("singleMeasureId", () => {
  it("is the measure picked alone, or the only measure under a picked sub-item", () => {
    expect(singleMeasureId(nodes, [5])).toBe(5);
    expect(singleMeasureId(nodes, [2])).toBe(3);
    // The sub-item and its own measure are still one measure.
    expect(singleMeasureId(nodes, [2, 3])).toBe(3);
  });

  it("is null for several measures or none", () => {
    expect(singleMeasureId(nodes, [4])).toBeNull(); // 3.1.2.1 and 3.1.2.10
    expect(singleMeasureId(nodes, [1])).toBeNull();
    expect(singleMeasureId(nodes, [3, 5])).toBeNull();
    expect(singleMeasureId(nodes, [])).toBeNull();
  });
});
