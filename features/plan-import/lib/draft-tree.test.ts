import { describe, expect, it } from "vitest";
import { applyEdit, countMeasures, treeProblems, type TDraftNode, type TDraftTree } from "./draft-tree";

const n = (id: string, title: string, children: TDraftNode[] = []): TDraftNode => ({
  id,
  title,
  sourceText: "",
  children,
});
// 1 甲 (1.1 甲一 (1.1.1 措施a, 1.1.2 措施b), 1.2 甲二), 2 乙
const tree = (): TDraftTree => ({
  sourceText: "",
  nodes: [
    n("n1", "甲", [
      n("n2", "甲一", [{ ...n("n3", "措施a"), sourceText: "第一句。第二句。第三句。" }, n("n4", "措施b")]),
      n("n5", "甲二"),
    ]),
    n("n6", "乙"),
  ],
});
const shape = (t: TDraftTree): unknown =>
  t.nodes.map(function s(x: TDraftNode): unknown {
    return x.children.length ? [x.title, x.children.map(s)] : x.title;
  });

describe("draft edits", () => {
  it("rename, move up/down, drop", () => {
    expect(
      applyEdit(tree(), { op: "rename", id: "n4", title: "  新名 " }).nodes[0]!.children[0]!.children[1]!
        .title,
    ).toBe("新名");
    expect(applyEdit(tree(), { op: "rename", id: "n4", title: " " })).toEqual(tree());
    expect(shape(applyEdit(tree(), { op: "down", id: "n1" }))).toEqual([
      "乙",
      ["甲", [["甲一", ["措施a", "措施b"]], "甲二"]],
    ]);
    expect(applyEdit(tree(), { op: "up", id: "n1" })).toEqual(tree());
    expect(shape(applyEdit(tree(), { op: "drop", id: "n2" }))).toEqual([["甲", ["甲二"]], "乙"]);
  });
  it("merge with the next sibling joins text and children; split cuts at a sentence", () => {
    const merged = applyEdit(tree(), { op: "mergeNext", id: "n3" });
    expect(merged.nodes[0]!.children[0]!.children).toHaveLength(1);
    expect(merged.nodes[0]!.children[0]!.children[0]!.sourceText).toBe("第一句。第二句。第三句。");
    const split = applyEdit(tree(), { op: "split", id: "n3", at: 2 });
    const measures = split.nodes[0]!.children[0]!.children;
    expect(measures.map((m) => [m.title, m.sourceText])).toEqual([
      ["措施a", "第一句。第二句。"],
      ["第三句", "第三句。"],
      ["措施b", ""],
    ]);
    expect(new Set(JSON.stringify(split).match(/"n\d+"/g)).size).toBe(7);
    expect(applyEdit(tree(), { op: "split", id: "n3", at: 3 })).toEqual(tree());
  });
  it("indent and outdent keep at most three levels below the plan", () => {
    expect(shape(applyEdit(tree(), { op: "indent", id: "n6" }))).toEqual([
      ["甲", [["甲一", ["措施a", "措施b"]], "甲二", "乙"]],
    ]);
    // 甲二 into 甲一 would be a measure: fine; 甲一 (with measures) into nothing above: refused.
    expect(applyEdit(tree(), { op: "indent", id: "n2" })).toEqual(tree());
    expect(applyEdit(tree(), { op: "indent", id: "n4" })).toEqual(tree()); // a fourth level
    expect(shape(applyEdit(tree(), { op: "outdent", id: "n5" }))).toEqual([
      ["甲", [["甲一", ["措施a", "措施b"]]]],
      "甲二",
      "乙",
    ]);
    expect(applyEdit(tree(), { op: "outdent", id: "n1" })).toEqual(tree());
  });
  it("adds a measure under a sub-item only; counts and problems follow", () => {
    const added = applyEdit(tree(), { op: "addMeasure", id: "n5", title: "新措施" });
    expect(added.nodes[0]!.children[1]!.children[0]).toEqual({
      id: "n7",
      title: "新措施",
      sourceText: "",
      children: [],
    });
    expect(countMeasures(added)).toBe(3);
    expect(applyEdit(tree(), { op: "addMeasure", id: "n1", title: "x" })).toEqual(tree());
    expect(treeProblems(tree())).toEqual([]);
    expect(treeProblems(applyEdit(tree(), { op: "drop", id: "n2" }))).toEqual(["noMeasure"]);
  });
});
