import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  cleanText,
  deriveTitle,
  extractSection,
  isTitleSentence,
  parseReport,
  readSection,
  splitParagraphs,
  splitSentences,
  TITLE_MAX_CHARS,
  type ParsedObjective,
} from "./parse-report";

const REPORT = readFileSync(
  path.join(import.meta.dirname, "../../../prisma/seed/data/report-17th-congress.txt"),
  "utf8",
);
const parsed = parseReport(REPORT);
const byCode = new Map(parsed.map((o) => [o.code, o]));
const childrenOf = (code: string) => parsed.filter((o) => o.parentCode === code);
const ofLevel = (level: ParsedObjective["level"]) => parsed.filter((o) => o.level === level);
const get = (code: string): ParsedObjective => {
  const o = byCode.get(code);
  if (!o) throw new Error(`missing ${code}`);
  return o;
};
const SECTION_TEXT = readSection(REPORT).paragraphs.join("\n");
const CJK = "\\p{Script=Han}\\u3000-\\u303F\\uFF00-\\uFFEF\\u2010-\\u2027";

const MAIN_TASK_TITLES = [
  "始终坚持正确政治方向，推动习近平新时代中国特色社会主义思想在工会系统形成生动实践",
  "牢牢把握我国工人运动时代主题，团结动员广大职工以主人翁姿态建功新时代",
  "切实维护职工合法权益，推动构建和谐劳动关系",
  "提高服务工作质量，更好满足职工群众美好生活需要",
  "深化工会改革创新，不断增强工会工作的动力活力",
  "推进工会系统党的建设，为做好新时代工会工作提供坚强保证",
];

// First and last sentence of each main task's introduction paragraph (read by eye).
const MAIN_TASK_INTROS: Record<string, [string, string]> = {
  "3.1": ["坚持正确政治方向，就是要坚持中国共产党领导和我国社会主义制度。", "落实到广大职工群众中去。"],
  "3.2": ["我国工人运动的时代主题，是为实现中华民族伟大复兴的中国梦而奋斗。", "体现价值彰显作为的重要途径。"],
  "3.3": ["维护职工合法权益是工会的天职。", "使改革发展成果更多更公平惠及职工群众。"],
  "3.4": ["竭诚服务职工群众是工会一切工作的出发点和落脚点。", "满腔热情做好服务职工工作。"],
  "3.5": ["改革创新是时代发展的最强音，也是工运事业蓬勃发展的不竭动力。", "将工会改革进行到底。"],
  "3.6": ["打铁必须自身硬。", "带动工会自身建设全面推进。"],
};

// Every titled sub-item of （二）…（六）, in document order, read by eye from the source text.
const TITLED_SUB_ITEMS: Record<string, string[]> = {
  "3.2": [
    "把统一思想、凝聚力量作为工会思想政治工作的重要任务",
    "围绕高质量发展深化劳动和技能竞赛",
    "扎实推进产业工人队伍建设改革",
    "营造劳动光荣的社会风尚和精益求精的敬业风气",
  ],
  "3.3": ["维护职工劳动经济权益", "推动完善协调劳动关系制度机制", "参与加强和创新社会治理"],
  "3.4": ["健全服务职工体系", "拓宽服务职工领域", "加强困难职工帮扶和脱贫攻坚工作"],
  // 积极建设智慧工会 / 不断夯实基层基础 start unindented (or with one space) in the PDF text.
  "3.5": ["上下联动、整体推进工会改革", "积极建设智慧工会", "不断夯实基层基础"],
  "3.6": [
    "从严从实加强工会系统党的建设",
    "深化工会干部队伍建设",
    "驰而不息抓好工会作风建设",
    "加强工会港澳台工作和外事工作",
  ],
};

// （一） has no title sentences: its sub-items get titles derived from their first sentence.
const UNTITLED_SUB_ITEMS = [
  "把学习宣传贯彻习近平新时代中国特色社会主义思想作为工会组织的重大政治任务",
  "在广大职工中深入进行有特色、接地气的宣讲",
];

// Sentences per main task, counted by eye (sub-item sentences minus title sentences).
// NB: the whole section holds only 119 「。」; 37 of them end the plan paragraph, headings,
// introductions and title sentences, so sentence-level measures total 82 (not > 100).
const MEASURES_PER_MAIN_TASK: Record<string, number> = {
  "3.1": 3,
  "3.2": 17,
  "3.3": 23,
  "3.4": 11,
  "3.5": 15,
  "3.6": 13,
};

describe("cleanText", () => {
  it("removes spaces next to CJK characters, punctuation and quotes", () => {
    expect(cleanText("会宣传教育阵地作用，把 “大学习”课堂搬到工厂车间、")).toBe(
      "会宣传教育阵地作用，把“大学习”课堂搬到工厂车间、",
    );
    expect(cleanText("“中国制 造 2025”")).toBe("“中国制造2025”");
    expect(cleanText("纲要（2017—2020 年）》，")).toBe("纲要（2017—2020年）》，");
    expect(cleanText("强化 “互联网+” 工会顶层设计")).toBe("强化“互联网+”工会顶层设计");
  });
  it("keeps a single space between Latin/digit tokens, also across a line break", () => {
    expect(cleanText("Open   Source 2025")).toBe("Open Source 2025");
    expect(cleanText("Open\n\nSource")).toBe("Open Source");
  });
  it("joins wrapped lines and drops blank and page-number-only lines", () => {
    expect(cleanText("提升对口帮扶\n\n\n\n6 \n \n\n针对性实效性。")).toBe("提升对口帮扶针对性实效性。");
    expect(cleanText("促进港澳长期\r\n\r\n 繁荣稳定。")).toBe("促进港澳长期繁荣稳定。");
  });
});

describe("splitSentences / deriveTitle / isTitleSentence", () => {
  it("splits on 。！？ keeping closing quotes attached, losslessly", () => {
    const text = "深化创建“工人先锋号”活动，推进班组建设。他说：“好。”真的吗？剩余片段";
    const parts = splitSentences(text);
    expect(parts).toEqual([
      "深化创建“工人先锋号”活动，推进班组建设。",
      "他说：“好。”",
      "真的吗？",
      "剩余片段",
    ]);
    expect(parts.join("")).toBe(text);
  });
  it("does not split at a terminator inside an open quote or bracket", () => {
    expect(splitSentences("高举“和平。发展”的旗帜。下一句。")).toEqual([
      "高举“和平。发展”的旗帜。",
      "下一句。",
    ]);
  });
  it("derives the leading clause, ignoring commas inside quotes", () => {
    expect(deriveTitle("推进“会，站、家”一体化建设，进一步做好工作。", 30)).toBe(
      "推进“会，站、家”一体化建设",
    );
    expect(deriveTitle("切实保护女职工合法权益和特殊利益。", 30)).toBe("切实保护女职工合法权益和特殊利益");
  });
  it("cuts an over-long clause at 、 or a conjunction, as a prefix of the sentence", () => {
    const s =
      "完善以企业岗位练兵和技术比武为基础、以国家和行业竞赛为主体、国内竞赛与国际竞赛相衔接的体系，丰富竞赛。";
    expect(deriveTitle(s, 30)).toBe("完善以企业岗位练兵和技术比武为基础、以国家和行业竞赛为主体");
    const t = "深入开展“尊法守法·携手筑梦”服务农民工法治宣传和公益法律服务行动，引导职工。";
    expect(deriveTitle(t, 30)).toBe("深入开展“尊法守法·携手筑梦”服务农民工法治宣传");
  });
  it("separates title sentences from ordinary first sentences by length and commas", () => {
    expect(isTitleSentence("维护职工劳动经济权益。")).toBe(true);
    expect(isTitleSentence(`${"工".repeat(TITLE_MAX_CHARS)}。`)).toBe(true);
    expect(isTitleSentence(`${"工".repeat(TITLE_MAX_CHARS + 1)}。`)).toBe(false);
    expect(isTitleSentence("加强宪法学习宣传教育，弘扬宪法精神。")).toBe(false);
    expect(isTitleSentence("没有句号的片段")).toBe(false);
  });
});

describe("paragraph splitting", () => {
  const { lines } = extractSection(REPORT);
  const paragraphs = splitParagraphs(lines);

  it("loses no text: paragraphs concatenate to the cleaned section", () => {
    expect(paragraphs.join("")).toBe(cleanText(lines.map((l) => l.text).join("\n")));
  });
  it("finds plan + 6 × (heading + intro) + 19 sub-items + the closing address", () => {
    expect(paragraphs).toHaveLength(1 + 6 * 2 + 19 + 1);
    expect(paragraphs.at(-1)).toMatch(/^各位代表、同志们，.*不懈奋斗！$/);
  });
  it("applies each boundary signal on its own (synthetic lines)", () => {
    const L = (text: string, trailing = false, indent = 0) => ({ text, trailing, indent });
    const full = "这是一行排满的正文文字用来测试段落边界规则是否正确"; // 25 chars
    const filler = Array.from({ length: 6 }, () => L(`${full}字`));
    const split = (a: ReturnType<typeof L>, b: ReturnType<typeof L>) =>
      splitParagraphs([...filler, a, b, ...filler]).length;
    expect(split(L(`${full}。`), L(full))).toBe(1); // full line ending in 。: mid-paragraph
    expect(split(L(`${full}。`, true), L(full))).toBe(2); // trailing whitespace
    expect(split(L("短的结尾。"), L(full))).toBe(2); // visibly short line
    expect(split(L(`${full}。`), L(full, false, 2))).toBe(2); // next line indented
    expect(split(L(`${full}。`), L("（二）下一个主要任务的标题很长所以换行到下一行"))).toBe(2); // next line is a heading
    expect(split(L(full, true), L(full))).toBe(1); // no terminator: never a boundary
  });
  it("stops the section at the next top-level heading", () => {
    expect(readSection(REPORT, "二").paragraphs.at(-1)).toMatch(
      /增强工会团结教育、维护权益、服务职工功能。$/,
    );
    const withSectionFour = REPORT.replace(
      /各位代表、同志们，社会主义/,
      "四、附加章节 \n\n  附加内容。 \n\n$&",
    );
    expect(withSectionFour).not.toBe(REPORT);
    expect(parseReport(withSectionFour)).toEqual(parsed);
  });
  it("does not depend on indentation", () => {
    const unindented = REPORT.split("\n")
      .map((l) => l.trimStart())
      .join("\n");
    expect(parseReport(unindented)).toEqual(parsed);
  });
  it("does not depend on trailing whitespace alone", () => {
    const trimmed = REPORT.split("\n")
      .map((l) => l.trimEnd())
      .join("\n");
    expect(parseReport(trimmed)).toEqual(parsed);
  });
  it("ignores CRLF line endings and injected page numbers inside a paragraph", () => {
    expect(parseReport(REPORT.replace(/\n/g, "\r\n"))).toEqual(parsed);
    const withPageNumber = REPORT.replace(
      "施走出去战略和“一带一路”建设。积极履行工会牵头",
      "$&\n\n\n\n27 \n \n\n",
    );
    expect(withPageNumber).not.toBe(REPORT);
    expect(parseReport(withPageNumber)).toEqual(parsed);
  });
});

describe("parseReport: plan and main tasks", () => {
  it("has the plan node with the section's opening paragraph", () => {
    const plan = get("3");
    expect(parsed[0]).toBe(plan);
    expect(plan).toMatchObject({
      parentCode: null,
      level: "PLAN",
      title: "今后五年工会工作的主要任务",
      order: 1,
    });
    expect(plan.sourceText).toMatch(
      /^今后五年工会工作的主要任务是：全面贯彻党的十九大精神，.*更加坚强有力。$/,
    );
    expect(plan.sourceText).not.toContain("（一）");
    expect(ofLevel("PLAN")).toHaveLength(1);
  });
  it("has exactly 6 main tasks with their exact titles", () => {
    const tasks = ofLevel("MAIN_TASK");
    expect(tasks.map((t) => t.title)).toEqual(MAIN_TASK_TITLES);
    expect(tasks.map((t) => t.code)).toEqual(["3.1", "3.2", "3.3", "3.4", "3.5", "3.6"]);
    expect(tasks.every((t) => t.parentCode === "3")).toBe(true);
  });
  it("main-task sourceText is the heading plus the introduction paragraph", () => {
    const numerals = "一二三四五六";
    for (const [i, task] of ofLevel("MAIN_TASK").entries()) {
      const [first, last] = MAIN_TASK_INTROS[task.code] ?? ["?", "?"];
      expect(task.sourceText.startsWith(`（${numerals[i]}）${task.title}。${first}`)).toBe(true);
      expect(task.sourceText.endsWith(last)).toBe(true);
      // The introduction is not a sub-item.
      expect(childrenOf(task.code).some((s) => s.sourceText.includes(first))).toBe(false);
    }
  });
  it("excludes the report's closing address and source attribution", () => {
    expect(parsed.some((o) => /各位代表|摘自|工人日报/.test(o.sourceText))).toBe(false);
    expect(get("3.6.4").sourceText.endsWith("为推动构建人类命运共同体作贡献。")).toBe(true);
  });
});

describe("parseReport: sub-items", () => {
  it("has the expected number of sub-items per main task", () => {
    const counts = Object.fromEntries(ofLevel("MAIN_TASK").map((t) => [t.code, childrenOf(t.code).length]));
    expect(counts).toEqual({ "3.1": 2, "3.2": 4, "3.3": 3, "3.4": 3, "3.5": 3, "3.6": 4 });
    expect(ofLevel("SUB_ITEM")).toHaveLength(19);
  });
  it("finds every titled sub-item of （二）…（六） under the right main task, in order", () => {
    for (const [taskCode, titles] of Object.entries(TITLED_SUB_ITEMS)) {
      expect(childrenOf(taskCode).map((s) => s.title)).toEqual(titles);
      for (const s of childrenOf(taskCode)) expect(s.sourceText.startsWith(`${s.title}。`)).toBe(true);
    }
  });
  it("turns （一）'s untitled paragraphs into sub-items with derived titles", () => {
    const subs = childrenOf("3.1");
    expect(subs.map((s) => s.title)).toEqual(UNTITLED_SUB_ITEMS);
    for (const s of subs) {
      expect([...s.title].length).toBeLessThanOrEqual(40);
      expect(s.sourceText.startsWith(`${s.title}，`)).toBe(true); // a leading clause, not a sentence
      expect(
        childrenOf(s.code)
          .map((m) => m.sourceText)
          .join(""),
      ).toBe(s.sourceText);
    }
    expect(subs[1]?.sourceText).toContain("把“大学习”课堂搬到工厂车间");
  });
  it("the title threshold separates the data: titles ≤ 25 chars, untitled first sentences > threshold", () => {
    const titled = Object.values(TITLED_SUB_ITEMS).flat();
    expect(Math.max(...titled.map((t) => [...t].length))).toBe(25);
    for (const s of childrenOf("3.1")) {
      expect([...(splitSentences(s.sourceText)[0] ?? "")].length).toBeGreaterThan(TITLE_MAX_CHARS);
    }
  });
  it("keeps the known extraction artefacts repaired in sub-item text", () => {
    expect(get("3.2.3").sourceText).toContain("围绕实施“中国制造2025”，");
    expect(get("3.5.2").sourceText).toContain("《全国工会网上工作纲要（2017—2020年）》");
    expect(get("3.5.2").sourceText).toContain("强化“互联网+”工会顶层设计");
  });
});

describe("parseReport: measures", () => {
  const measures = ofLevel("MEASURE");

  it("has one measure per remaining sentence (82 in total)", () => {
    const perTask: Record<string, number> = {};
    for (const m of measures) {
      const task = m.code.split(".").slice(0, 2).join(".");
      perTask[task] = (perTask[task] ?? 0) + 1;
    }
    expect(perTask).toEqual(MEASURES_PER_MAIN_TASK);
    expect(measures).toHaveLength(82);
    const sentenceEnds = ofLevel("SUB_ITEM").reduce(
      (n, s) => n + (s.sourceText.match(/[。！？]/g) ?? []).length,
      0,
    );
    const titledCount = Object.values(TITLED_SUB_ITEMS).flat().length;
    expect(measures).toHaveLength(sentenceEnds - titledCount);
  });
  it("every measure is one full sentence, a substring of its parent and of the section", () => {
    for (const m of measures) {
      const parent = get(m.parentCode ?? "");
      expect(parent.level).toBe("SUB_ITEM");
      expect(parent.sourceText).toContain(m.sourceText);
      expect(SECTION_TEXT).toContain(m.sourceText);
      expect(m.sourceText).toMatch(/[。！？][”’」』）》]*$/);
      expect(m.sourceText.slice(0, -1)).not.toMatch(/[。！？](?![”’」』）》])/);
    }
  });
  it("title sentence + measures reconstruct each sub-item paragraph", () => {
    for (const s of ofLevel("SUB_ITEM")) {
      const body = childrenOf(s.code)
        .map((m) => m.sourceText)
        .join("");
      const titled = s.code.startsWith("3.1.") ? "" : `${s.title}。`;
      expect(titled + body).toBe(s.sourceText);
    }
  });
  it("measure titles are short leading clauses without trailing punctuation", () => {
    for (const m of measures) {
      expect(m.title.length).toBeGreaterThan(0);
      expect([...m.title].length).toBeLessThanOrEqual(30);
      expect(m.sourceText.startsWith(m.title)).toBe(true);
      expect(m.title).not.toMatch(/[，、；：。！？,;:—…·\s]$/); // closing quotes/brackets are fine
      for (const [open, close] of ["“”", "《》", "（）"]) {
        expect(m.title.split(open ?? "").length).toBe(m.title.split(close ?? "").length);
      }
    }
    expect(get("3.3.1.1").title).toBe("加强源头参与");
    expect(get("3.1.1.1").title).toBe("把学习宣传贯彻习近平新时代中国特色社会主义思想");
  });
});

describe("parseReport: structure and hygiene", () => {
  it("codes are unique, parents precede children, orders are 1..n per parent", () => {
    expect(new Set(parsed.map((o) => o.code)).size).toBe(parsed.length);
    const seen = new Set<string>();
    const levels = ["PLAN", "MAIN_TASK", "SUB_ITEM", "MEASURE"];
    for (const o of parsed) {
      if (o.parentCode !== null) {
        expect(seen.has(o.parentCode)).toBe(true);
        expect(o.code).toBe(`${o.parentCode}.${o.order}`);
        expect(levels.indexOf(o.level)).toBe(levels.indexOf(get(o.parentCode).level) + 1);
      }
      seen.add(o.code);
    }
    for (const parent of [null, ...parsed.map((o) => o.code)]) {
      const orders = parsed.filter((o) => o.parentCode === parent).map((o) => o.order);
      expect(orders).toEqual(orders.map((_, i) => i + 1));
    }
  });
  it("is in document order", () => {
    let pos = -1;
    for (const m of ofLevel("MEASURE")) {
      const at = SECTION_TEXT.indexOf(m.sourceText);
      expect(at).toBeGreaterThan(pos);
      pos = at;
    }
  });
  it("no sourceText or title has line breaks, page-number artefacts or spaces between CJK", () => {
    const cjkSpace = new RegExp(`[${CJK}]\\s+[${CJK}]`, "u");
    for (const o of parsed) {
      for (const s of [o.sourceText, o.title]) {
        expect(s).not.toMatch(/[\r\n]/);
        expect(s).not.toMatch(cjkSpace);
        expect(s).not.toMatch(/\s/); // this report has no Latin text, so no whitespace at all
        // The only numbers in section 三 are these; a page number would add another.
        for (const n of s.match(/\d+/g) ?? []) expect(["21", "2025", "2017", "2020", "12351"]).toContain(n);
      }
    }
  });
  it("is deterministic", () => {
    const again = parseReport(REPORT);
    expect(again.map((o) => o.code)).toEqual(parsed.map((o) => o.code));
    expect(again).toEqual(parsed);
  });
});

describe("parseReport: errors", () => {
  it("throws when section 三 is missing", () => {
    expect(() => parseReport("")).toThrow(/section 「三、」/);
    expect(() => parseReport(REPORT.slice(0, REPORT.indexOf("三、今后五年")))).toThrow(
      /section 「三、」 heading not found/,
    );
  });
  it("throws when the input is truncated before a main-task heading", () => {
    expect(() => parseReport(REPORT.slice(0, REPORT.indexOf("（五）深化工会改革创新")))).toThrow(
      /（五） is missing/,
    );
  });
  it("throws when a main-task heading in the middle is missing", () => {
    const heading = /[ ]*（三）切实维护职工合法权益，推动构建和谐劳动关系。[ ]*\n/;
    expect(REPORT).toMatch(heading);
    expect(() => parseReport(REPORT.replace(heading, ""))).toThrow(/（三） is missing \(found （四）\)/);
  });
  it("throws when the last main task has no introduction", () => {
    const cut = REPORT.indexOf("打铁必须自身硬");
    expect(() => parseReport(REPORT.slice(0, cut))).toThrow(/（六） has no introduction/);
  });
});
