import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { WORK_POINTS_PARAGRAPHS, WORK_POINTS_TEXT } from "@/tests/fixtures/work-points";
import { markerOf, PartNotFoundError, toParagraphs } from "./doc-paragraphs";
import { parseDocument, planToObjectives } from "./parse-document";
import { parseReport } from "./parse-report";
import REPORT_CODES from "./report-17th-codes.json";

const REPORT = readFileSync(
  path.join(import.meta.dirname, "../../../prisma/seed/data/report-17th-congress.txt"),
  "utf8",
);
const codesAndTitles = (text: string, prefix = "HB2027") =>
  planToObjectives(parseDocument(text), prefix).map((o) => [o.code, o.level, o.title]);

// Read by hand from tests/fixtures/work-points.ts.
const WORK_POINTS_TREE = [
  ["HB2027", "PLAN", "河北省总工会2027年工作要点"],
  ["HB2027.1", "MAIN_TASK", "坚持政治引领，筑牢职工思想根基"],
  ["HB2027.1.1", "SUB_ITEM", "深入学习宣传贯彻党的二十大精神"],
  ["HB2027.1.1.1", "MEASURE", "组织开展“学思想、强信念”主题宣讲"],
  ["HB2027.1.1.2", "MEASURE", "加强职工思想政治引领"],
  ["HB2027.1.2", "SUB_ITEM", "加强工会宣传阵地建设"],
  ["HB2027.1.2.1", "MEASURE", "推进工会报刊和新媒体融合发展"],
  ["HB2027.1.2.2", "MEASURE", "建好用好职工书屋"],
  ["HB2027.2", "MAIN_TASK", "聚焦中心任务，组织职工建功立业"],
  ["HB2027.2.1", "SUB_ITEM", "深化劳动和技能竞赛"],
  ["HB2027.2.1.1", "MEASURE", "组织全省职业技能大赛"],
  ["HB2027.2.1.2", "MEASURE", "开展班组竞赛"],
  ["HB2027.2.2", "SUB_ITEM", "推进产业工人队伍建设改革"],
  ["HB2027.2.2.1", "MEASURE", "推进产业工人队伍建设改革"],
  ["HB2027.3", "MAIN_TASK", "维护职工合法权益"],
  ["HB2027.3.1", "SUB_ITEM", "推动构建和谐劳动关系"],
  ["HB2027.3.1.1", "MEASURE", "推进集体协商提质增效"],
  ["HB2027.3.1.2", "MEASURE", "加强职工法律服务"],
  ["HB2027.3.2", "SUB_ITEM", "做好困难职工帮扶"],
  ["HB2027.3.2.1", "MEASURE", "做好困难职工帮扶"],
];

describe("parseDocument: the 17th report", () => {
  // Written from the seeded tree before parseReport became a wrapper of parseDocument: the codes and
  // titles the database holds, and a digest of the whole output (source texts included).
  it("parseReport (the seed) still gives the codes and titles seeded before", () => {
    const seeded = parseReport(REPORT);
    expect(seeded.map((o) => [o.code, o.title])).toEqual(REPORT_CODES);
    expect(createHash("sha256").update(JSON.stringify(seeded)).digest("hex")).toBe(
      "6e438b3eae6465b8ef6863ea54221c74e7ac435c6f9fd2090c165df28de8867e",
    );
  });
  it("section 三 gives exactly the tree parseReport (the seed) gives: codes, titles, source texts", () => {
    const generic = planToObjectives(parseDocument(REPORT, { section: "三" }), "3");
    const seeded = parseReport(REPORT);
    expect(generic).toHaveLength(1 + 6 + 19 + 82);
    expect(generic).toEqual(seeded);
  });
});

describe("parseDocument: a yearly 工作要点", () => {
  it("reads one part of a Word document: 三、's （一）（二） become the main tasks", () => {
    const plan = parseDocument(WORK_POINTS_TEXT, { section: "三" });
    const titles = (n: { title: string; children: { title: string }[] }) => [
      n.title,
      n.children.map((c) => c.title),
    ];
    // Read by hand from the last five paragraphs of tests/fixtures/work-points.ts.
    expect(plan.title).toBe("维护职工合法权益");
    expect(plan.children.map(titles)).toEqual([
      ["推动构建和谐劳动关系", ["推进集体协商提质增效", "加强职工法律服务"]],
      ["做好困难职工帮扶", []],
    ]);
    expect(plan.children[1]!.sourceText).toBe("（二）做好困难职工帮扶。");
  });
  it("a part the document does not have is a PartNotFoundError, not an empty plan", () => {
    expect(() => parseDocument(WORK_POINTS_TEXT, { section: "四" })).toThrow(PartNotFoundError);
    // 「（三）」 and 「3.」 are not top-level parts.
    expect(() => parseDocument("（三）加强宣传。\n3.建好书屋。", { section: "三" })).toThrow(
      PartNotFoundError,
    );
  });
  it("reads 一、（一）1.（1）① into plan → main task → sub-item → measure", () => {
    expect(codesAndTitles(WORK_POINTS_TEXT)).toEqual(WORK_POINTS_TREE);
  });
  it("keeps each node's source text; levels below the measure fold into it", () => {
    const plan = parseDocument(WORK_POINTS_TEXT);
    expect(plan.sourceText).toBe(WORK_POINTS_PARAGRAPHS[1]);
    const m = plan.children[0]!.children[0]!.children[1]!;
    expect(m.sourceText).toBe(
      "２．加强职工思想政治引领。（1）建设一批职工思想政治工作示范点。（2）开展职工心声调研。",
    );
    expect(plan.children[0]!.children[0]!.children[0]!.sourceText).toBe(WORK_POINTS_PARAGRAPHS[4]);
    expect(plan.children[0]!.children[1]!.sourceText).toBe(
      "（二）加强工会宣传阵地建设。推进工会报刊和新媒体融合发展。建好用好职工书屋。",
    );
    expect(plan.children[1]!.sourceText).toBe("二、聚焦中心任务，组织职工建功立业");
  });
  it("reads full-width and ASCII digits alike", () => {
    const ascii = WORK_POINTS_TEXT.replace(
      /[０-９]．/g,
      (s) => `${String.fromCharCode(s.charCodeAt(0) - 0xfee0)}.`,
    );
    expect(ascii).not.toBe(WORK_POINTS_TEXT);
    expect(codesAndTitles(ascii)).toEqual(WORK_POINTS_TREE);
  });
  it("tolerates blank lines, CRLF, a BOM and indentation (as a .txt or .docx gives it)", () => {
    const messy = `\uFEFF${WORK_POINTS_PARAGRAPHS.map((p) => `\u3000\u3000${p}`).join("\r\n\r\n")}\r\n`;
    expect(codesAndTitles(messy)).toEqual(WORK_POINTS_TREE);
  });
});

describe("parseDocument: edge cases", () => {
  it("a missing level nests one step less (1. straight under 一、)", () => {
    expect(codesAndTitles("一、主任务\n1．分项甲。\n（1）措施一。\n（2）措施二。", "X")).toEqual([
      ["X", "PLAN", ""],
      ["X.1", "MAIN_TASK", "主任务"],
      ["X.1.1", "SUB_ITEM", "分项甲"],
      ["X.1.1.1", "MEASURE", "措施一"],
      ["X.1.1.2", "MEASURE", "措施二"],
    ]);
  });
  it("a document starting at （一） makes （一） the main tasks", () => {
    expect(codesAndTitles("（一）主任务甲\n1．分项。\n（1）措施。", "X").map((r) => r[0])).toEqual([
      "X",
      "X.1",
      "X.1.1",
      "X.1.1.1",
    ]);
  });
  it("titled paragraphs under a main task become sub-items, their sentences measures", () => {
    const text = [
      "一、夯实基层基础",
      "基层是工会工作的重点，必须持续用力。",
      "推进新就业形态劳动者入会。集中开展入会行动。建好服务站点。",
      "建强职工之家。开展星级评定。",
    ].join("\n");
    expect(codesAndTitles(text, "X")).toEqual([
      ["X", "PLAN", ""],
      ["X.1", "MAIN_TASK", "夯实基层基础"],
      ["X.1.1", "SUB_ITEM", "推进新就业形态劳动者入会"],
      ["X.1.1.1", "MEASURE", "集中开展入会行动"],
      ["X.1.1.2", "MEASURE", "建好服务站点"],
      ["X.1.2", "SUB_ITEM", "建强职工之家"],
      ["X.1.2.1", "MEASURE", "开展星级评定"],
    ]);
    expect(parseDocument(text).children[0]!.sourceText).toBe(
      "一、夯实基层基础基层是工会工作的重点，必须持续用力。",
    );
  });
  it("unnumbered text only gives a plan without measures", () => {
    const plan = parseDocument("只有一段说明文字。没有任何编号。");
    expect(plan.children).toEqual([]);
    expect(plan.sourceText).toBe("只有一段说明文字。没有任何编号。");
  });
  it("recognises the numbering kinds and not lookalikes", () => {
    expect(
      ["一、", "（一）", "(二)", "1.", "1．", "１．", "2、", "（1）", "(3)", "①"].map(
        (m) => markerOf(`${m}内容`)?.rank,
      ),
    ).toEqual([0, 1, 1, 2, 2, 2, 2, 3, 3, 4]);
    for (const s of ["2027年全省", "1.5万人", "（2027年1月通过）", "十分重要", "一是加强"])
      expect(markerOf(s)).toBeNull();
  });
  it("re-joins hard-wrapped lines (PDF text) and keeps a short numbered heading line apart", () => {
    const wrapped = [
      "一、总体要求",
      "  全省工会要坚持以职工为中心的工作导向，团结动员广大职",
      "工群众建功立业，推动工会工作高质量发展。 ",
      "二、重点任务",
      "  深化产业工人队伍建设改革，健全技能人才培养使用评价激",
      "励机制。 ",
    ].join("\n");
    expect(toParagraphs(wrapped)).toEqual([
      "一、总体要求",
      "全省工会要坚持以职工为中心的工作导向，团结动员广大职工群众建功立业，推动工会工作高质量发展。",
      "二、重点任务",
      "深化产业工人队伍建设改革，健全技能人才培养使用评价激励机制。",
    ]);
  });
});
