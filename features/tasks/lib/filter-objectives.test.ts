import { describe, expect, it } from "vitest";
import { countPickedMeasures, filterObjectives } from "./filter-objectives";

// A slice of the report's tree: main task 3.5, two sub-items with their measures, and 3.6.
const NODES = [
  { code: "3.5", title: "深化工会改革创新，不断增强工会工作的动力活力" },
  { code: "3.5.1", title: "上下联动、整体推进工会改革" },
  { code: "3.5.1.1", title: "着眼增强改革的系统性、整体性、协同性" },
  { code: "3.5.2", title: "积极建设智慧工会" },
  { code: "3.5.2.1", title: "强化互联网思维" },
  { code: "3.5.2.2", title: "推进实施《全国工会网上工作纲要（2017—2020年）》" },
  { code: "3.5.2.3", title: "强化“互联网+”工会顶层设计" },
  { code: "3.6", title: "加强党对工会工作的领导" },
  { code: "3.6.1", title: "坚持党的领导" },
];
const codes = (q: string) => filterObjectives(NODES, q).map((n) => n.code);

describe("filterObjectives", () => {
  it("shows a matching sub-item with its main task and all its measures", () => {
    expect(codes("智慧工会")).toEqual(["3.5", "3.5.2", "3.5.2.1", "3.5.2.2", "3.5.2.3"]);
  });

  it("shows a matching measure with its ancestors only, not its siblings", () => {
    expect(codes("互联网思维")).toEqual(["3.5", "3.5.2", "3.5.2.1"]);
  });

  it("a matching main task brings its whole subtree, nothing of the next one", () => {
    expect(codes("深化工会改革")).toEqual(NODES.slice(0, 7).map((n) => n.code));
  });

  it("matches codes by prefix and keeps the tree order", () => {
    expect(codes("3.5.1")).toEqual(["3.5", "3.5.1", "3.5.1.1"]);
    expect(codes(" 3.6 ")).toEqual(["3.6", "3.6.1"]);
  });

  it("shows everything for an empty filter and nothing when nothing matches", () => {
    expect(codes("")).toHaveLength(NODES.length);
    expect(codes("量子纠缠")).toEqual([]);
  });
});

describe("countPickedMeasures", () => {
  const nodes = NODES.map((n, i) => ({
    ...n,
    id: i + 1,
    level: ["MAIN", "SUB", "MEASURE"][n.code.split(".").length - 2]!,
  }));
  const id = (code: string) => nodes.find((n) => n.code === code)!.id;
  it("counts a sub-item as its measures, a main task as all of its measures, each measure once", () => {
    expect(countPickedMeasures(nodes, [id("3.5.2")])).toBe(3);
    expect(countPickedMeasures(nodes, [id("3.5")])).toBe(4);
    expect(countPickedMeasures(nodes, [id("3.5.2"), id("3.5.2.1"), id("3.5.1.1")])).toBe(4);
    expect(countPickedMeasures(nodes, [id("3.6")])).toBe(0);
    expect(countPickedMeasures(nodes, [])).toBe(0);
  });
});
