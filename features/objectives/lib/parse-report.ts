// Parses section 「三、今后五年工会工作的主要任务」 of the 17th Congress work report (PDF-extracted
// text) into a flat objective hierarchy: PLAN → MAIN_TASK → SUB_ITEM → MEASURE. Pure, no Node APIs.
import { buildPlanTree, planToObjectives } from "./parse-document";
import {
  chineseToInt,
  cleanText,
  displayWidth,
  intToChinese,
  isPageNumberLine,
  splitSentences,
  stripTerminator,
} from "./report-text";

export { cleanText, deriveTitle, splitSentences, isTitleSentence, TITLE_MAX_CHARS } from "./report-text";

export type ObjectiveLevel = "PLAN" | "MAIN_TASK" | "SUB_ITEM" | "MEASURE";
export interface ParsedObjective {
  code: string; // stable: plan "3", main tasks "3.1".."3.6", sub-items "3.2.1", measures "3.2.1.4"
  parentCode: string | null;
  level: ObjectiveLevel;
  title: string; // short title (no trailing 。); derived titles ≤ 40 (sub-item) / 30 (measure) chars
  sourceText: string; // full cleaned source text of this node
  order: number; // 1-based position among siblings
}
export interface ParseOptions {
  /** Numeral of the top-level section to parse (default "三"). */
  section?: string;
  /** Number of （一）… main-task headings the section must contain (default 6). */
  expectedMainTasks?: number;
}

export const SUB_ITEM_TITLE_MAX = 40;
export const MEASURE_TITLE_MAX = 30;

const TOP_HEADING = /^([一二三四五六七八九十]+)、/;
const MAIN_MARKER = /^（([一二三四五六七八九十]+)）/;
/** A line ending a sentence or an introductory clause (closing quotes/brackets allowed). */
const TERMINATED = /[。！？：][”’」』）》]*$/;
/** The report's closing address 「各位代表、同志们，…」 ends the last section; it is not a task. */
const CLOSING_ADDRESS = /^(?:各位代表|同志们)[、，,]/;
/** Source attribution appended to the last line, e.g. 「（摘自：工人日报）」. */
const ATTRIBUTION = /\s*（摘自[：:][^）]*）\s*$/;

/** One non-blank, non-page-number line of the raw text. */
export interface ReportLine {
  text: string; // trimmed content
  trailing: boolean; // raw line had trailing whitespace
  indent: number; // leading spaces in the raw line
}

function toLines(text: string): ReportLine[] {
  return text
    .replace(/\r\n?/g, "\n")
    .replace(/[\u00A0\u3000\t]/g, " ")
    .split("\n")
    .filter((raw) => raw.trim() !== "" && !isPageNumberLine(raw))
    .map((raw) => {
      const noAttribution = raw.replace(ATTRIBUTION, " ");
      return {
        text: noAttribution.trim(),
        trailing: /\s$/.test(noAttribution),
        indent: noAttribution.length - noAttribution.trimStart().length,
      };
    });
}

/** True when `lines[i]` is a top-level heading 「N、…」 that starts a paragraph. */
function isTopHeading(lines: readonly ReportLine[], i: number): boolean {
  const prev = lines[i - 1];
  return TOP_HEADING.test(lines[i]?.text ?? "") && (!prev || TERMINATED.test(prev.text) || prev.trailing);
}

/** Index just past a (possibly wrapped) top-level heading starting at `i`. */
function headingEnd(lines: readonly ReportLine[], i: number): number {
  let j = i;
  while (j < i + 2 && !lines[j]?.trailing && /[，、]$/.test(lines[j]?.text ?? "")) j++;
  return j + 1;
}

/** Locates section `numeral` and returns its heading and body lines (up to the next top heading). */
export function extractSection(text: string, numeral = "三"): { heading: string; lines: ReportLine[] } {
  const lines = toLines(text);
  const start = lines.findIndex((l, i) => l.text.startsWith(`${numeral}、`) && isTopHeading(lines, i));
  if (start < 0)
    throw new Error(`parseReport: section 「${numeral}、」 heading not found in the report text`);
  const bodyStart = headingEnd(lines, start);
  let end = bodyStart;
  while (end < lines.length && !isTopHeading(lines, end)) end++;
  const heading = cleanText(
    lines
      .slice(start, bodyStart)
      .map((l) => l.text)
      .join("\n"),
  ).slice(numeral.length + 1);
  return { heading: stripTerminator(heading), lines: lines.slice(bodyStart, end) };
}

/**
 * Paragraph-boundary rule (indentation alone is unreliable: several paragraphs start
 * unindented, and page-break continuation lines start with one space). A line ends a paragraph
 * when it ends with 。！？： (plus closing quotes) AND at least one of:
 *  - the raw line has trailing whitespace (the extractor emits it at every paragraph end);
 *  - the line is visibly short (< 80% of the median line width): justified lines are full;
 *  - the next line is indented by ≥ 2 spaces, or starts a （N） / N、 heading;
 *  - it is the last line.
 * In the 2018 report these signals agree everywhere, so any one of them suffices.
 */
export function splitParagraphs(lines: readonly ReportLine[]): string[] {
  const widths = lines.map((l) => displayWidth(l.text)).sort((a, b) => a - b);
  const shortWidth = 0.8 * (widths[Math.floor(widths.length / 2)] ?? 0);
  const paragraphs: string[] = [];
  let current: string[] = [];
  lines.forEach((line, i) => {
    current.push(line.text);
    const next = lines[i + 1];
    const ends =
      TERMINATED.test(line.text) &&
      (!next ||
        line.trailing ||
        displayWidth(line.text) < shortWidth ||
        next.indent >= 2 ||
        MAIN_MARKER.test(next.text) ||
        TOP_HEADING.test(next.text));
    if (ends) {
      paragraphs.push(cleanText(current.join("\n")));
      current = [];
    }
  });
  if (current.length > 0) paragraphs.push(cleanText(current.join("\n")));
  return paragraphs.filter((p) => p !== "");
}

/** Section heading (without 「N、」) and its cleaned paragraphs, closing address excluded. */
export function readSection(text: string, numeral = "三"): { heading: string; paragraphs: string[] } {
  const { heading, lines } = extractSection(text, numeral);
  const paragraphs = splitParagraphs(lines);
  const close = paragraphs.findIndex((p) => CLOSING_ADDRESS.test(p));
  return { heading, paragraphs: close < 0 ? paragraphs : paragraphs.slice(0, close) };
}

interface MainTaskBlock {
  heading: string; // with its （N） marker
  paragraphs: string[]; // intro first, then sub-items
}

function groupMainTasks(paragraphs: readonly string[], expected: number) {
  const intro: string[] = [];
  const blocks: MainTaskBlock[] = [];
  for (const p of paragraphs) {
    const marker = MAIN_MARKER.exec(p);
    if (!marker) {
      (blocks.at(-1)?.paragraphs ?? intro).push(p);
      continue;
    }
    const n = chineseToInt(marker[1] ?? "");
    if (n !== blocks.length + 1) {
      throw new Error(
        `parseReport: main-task heading （${intToChinese(blocks.length + 1)}） is missing (found （${marker[1]}）)`,
      );
    }
    // The heading is the first sentence; anything glued after it belongs to the introduction.
    const [heading = p, ...rest] = splitSentences(p);
    blocks.push({ heading, paragraphs: rest.length > 0 ? [rest.join("")] : [] });
  }
  if (blocks.length < expected) {
    throw new Error(`parseReport: main-task heading （${intToChinese(blocks.length + 1)}） is missing`);
  }
  if (blocks.length > expected)
    throw new Error(`parseReport: expected ${expected} main tasks, found ${blocks.length}`);
  if (intro.length === 0) throw new Error("parseReport: the section has no opening paragraph before （一）");
  return { intro, blocks };
}

/**
 * Parses the report into a flat list: parents before children, in document order. The tree is built
 * by the general document parser (parse-document.ts); this checks the report's own shape first
 * (six main tasks （一）…（六） in order, an opening paragraph, an introduction per main task).
 */
export function parseReport(text: string, options: ParseOptions = {}): ParsedObjective[] {
  const numeral = options.section ?? "三";
  const { heading, paragraphs } = readSection(text, numeral);
  const { blocks } = groupMainTasks(paragraphs, options.expectedMainTasks ?? 6);
  for (const block of blocks)
    if (block.paragraphs.length === 0)
      throw new Error(
        `parseReport: main task ${MAIN_MARKER.exec(block.heading)?.[0] ?? ""} has no introduction paragraph`,
      );
  return planToObjectives(buildPlanTree(paragraphs, heading), String(chineseToInt(numeral)));
}
