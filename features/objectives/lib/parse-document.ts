// Reads a Chinese official document (a congress report, a yearly 工作要点 …) into a plan tree:
// plan → main task → sub-item → measure, each node keeping its source text. Pure, no Node APIs.
//
// Numbered paragraphs (一、 （一） 1. （1） ①, full-width digits too) nest by their conventional order,
// whatever level the document starts at, so a missing level simply nests one step less. Levels below
// the measure are folded into the measure's text. A node without numbered children is filled from
// its paragraphs as the 17th report's section 三 is: under a main task the first of several
// paragraphs is its introduction and each other paragraph is a sub-item (its short first sentence,
// if any, is the title); under a sub-item every sentence is a measure.
import { markerOf, partParagraphs, toParagraphs, type TTextMode } from "./doc-paragraphs";
import {
  MEASURE_TITLE_MAX,
  SUB_ITEM_TITLE_MAX,
  type ObjectiveLevel,
  type ParsedObjective,
} from "./parse-report";
import { deriveTitle, isTitleSentence, splitSentences, stripTerminator } from "./report-text";

export type TDocNode = { title: string; sourceText: string; children: TDocNode[] };
export type TDocPlan = TDocNode;

/** Levels below the plan: main task (1), sub-item (2), measure (3). */
export const MAX_DEPTH = 3;
const LEVELS: readonly ObjectiveLevel[] = ["PLAN", "MAIN_TASK", "SUB_ITEM", "MEASURE"];
/** A document title on its own first line is short and unterminated. */
const TITLE_LINE_MAX = 60;
/** The closing address of a speech or report (「各位代表、同志们，…」) ends its content. */
const CLOSING_ADDRESS = /^(?:各位代表|同志们)[、，,]/;

type TRaw = { rank: number; marker: string; text: string; body: string[]; children: TRaw[] };

/** Nests numbered paragraphs by rank; unnumbered ones belong to the last open node. */
function nest(paragraphs: readonly string[]): TRaw {
  const root: TRaw = { rank: -1, marker: "", text: "", body: [], children: [] };
  const stack = [root];
  for (const p of paragraphs) {
    const m = markerOf(p);
    if (!m) {
      stack.at(-1)!.body.push(p);
      continue;
    }
    while (stack.length > 1 && stack.at(-1)!.rank >= m.rank) stack.pop();
    const node: TRaw = { rank: m.rank, marker: p.slice(0, m.length), text: p, body: [], children: [] };
    stack.at(-1)!.children.push(node);
    stack.push(node);
  }
  return root;
}

/** A heading's title: its first sentence without the numbering and the terminator. */
function headingTitle(body: string, max: number): string {
  const first = splitSentences(body)[0] ?? body;
  const plain = stripTerminator(first);
  return [...plain].length <= max || !/[。！？]/.test(first) ? plain : deriveTitle(first, max);
}

const measure = (sentence: string): TDocNode => ({
  title: deriveTitle(sentence, MEASURE_TITLE_MAX),
  sourceText: sentence,
  children: [],
});

/** A paragraph as a sub-item: a short first sentence is its title, every other sentence a measure. */
export function paragraphSubItem(paragraph: string): TDocNode {
  const sentences = splitSentences(paragraph);
  const first = sentences[0] ?? paragraph;
  const titled = sentences.length > 1 && isTitleSentence(first);
  return {
    title: titled ? stripTerminator(first) : deriveTitle(first, SUB_ITEM_TITLE_MAX),
    sourceText: paragraph,
    children: (titled ? sentences.slice(1) : sentences).map(measure),
  };
}

/** All text of a subtree, in document order (folded into a measure). */
const flatText = (n: TRaw): string => [n.text, ...n.body, ...n.children.map(flatText)].join("");

function toMeasure(n: TRaw): TDocNode {
  const body = n.text.slice(n.marker.length);
  const first = splitSentences(body)[0] ?? body;
  const titled = isTitleSentence(first) || !/[。！？]/.test(first);
  return {
    title: titled ? headingTitle(body, MEASURE_TITLE_MAX) : deriveTitle(body, MEASURE_TITLE_MAX),
    sourceText: flatText(n),
    children: [],
  };
}

function toSubItem(n: TRaw): TDocNode {
  const body = n.text.slice(n.marker.length);
  const sourceText = [n.text, ...n.body].join("");
  if (n.children.length > 0)
    return { title: headingTitle(body, SUB_ITEM_TITLE_MAX), sourceText, children: n.children.map(toMeasure) };
  const sentences = splitSentences(body);
  const first = sentences[0] ?? body;
  const heading = !/[。！？]/.test(first) || (sentences.length + n.body.length > 1 && isTitleSentence(first));
  const rest = [...(heading ? sentences.slice(1) : sentences), ...n.body.flatMap(splitSentences)];
  return {
    title: heading ? headingTitle(body, SUB_ITEM_TITLE_MAX) : deriveTitle(first, SUB_ITEM_TITLE_MAX),
    sourceText,
    children: rest.map(measure),
  };
}

function toMainTask(n: TRaw): TDocNode {
  const [heading = n.text, ...rest] = splitSentences(n.text);
  const title = stripTerminator(heading.slice(n.marker.length));
  const paragraphs = [...(rest.length > 0 ? [rest.join("")] : []), ...n.body];
  if (n.children.length > 0)
    return { title, sourceText: heading + paragraphs.join(""), children: n.children.map(toSubItem) };
  const [intro, ...subItems] = paragraphs.length > 1 ? paragraphs : ["", ...paragraphs];
  return { title, sourceText: heading + intro, children: subItems.map(paragraphSubItem) };
}

/** The plan tree from a document's paragraphs (content after a closing address is dropped). */
export function buildPlanTree(paragraphs: readonly string[], title: string): TDocPlan {
  const close = paragraphs.findIndex((p) => CLOSING_ADDRESS.test(p));
  const root = nest(close < 0 ? paragraphs : paragraphs.slice(0, close));
  return { title, sourceText: root.body.join(""), children: root.children.map(toMainTask) };
}

export type TParseDocumentOptions = {
  mode?: TTextMode;
  /**
   * Parse only this top-level part 「N、」 (e.g. "三" of a congress report): its heading is the plan
   * title. A part the document does not have throws PartNotFoundError.
   */
  section?: string;
};

/** Parses a document's text; without a section the first line is the plan title when it looks like one. */
export function parseDocument(text: string, options: TParseDocumentOptions = {}): TDocPlan {
  const paragraphs = toParagraphs(text, options.mode);
  if (options.section) {
    const part = partParagraphs(paragraphs, options.section);
    return buildPlanTree(part.paragraphs, part.heading);
  }
  const first = paragraphs[0] ?? "";
  const isTitle =
    first !== "" && !markerOf(first) && !/[。！？：；]$/.test(first) && [...first].length <= TITLE_LINE_MAX;
  return buildPlanTree(isTitle ? paragraphs.slice(1) : paragraphs, isTitle ? first : "");
}

/** The tree as objectives with codes `<prefix>.<n>.<n>.<n>` (parents first, document order). */
export function planToObjectives(plan: TDocPlan, prefix: string): ParsedObjective[] {
  const out: ParsedObjective[] = [];
  const walk = (
    node: TDocNode,
    at: { code: string; parentCode: string | null; depth: number; order: number },
  ) => {
    const level = LEVELS[at.depth];
    if (!level) throw new Error(`planToObjectives: ${at.code} is deeper than ${MAX_DEPTH} levels`);
    const { code, parentCode, order } = at;
    out.push({ code, parentCode, level, title: node.title, sourceText: node.sourceText, order });
    node.children.forEach((c, i) =>
      walk(c, { code: `${at.code}.${i + 1}`, parentCode: at.code, depth: at.depth + 1, order: i + 1 }),
    );
  };
  walk(plan, { code: prefix, parentCode: null, depth: 0, order: 1 });
  return out;
}
