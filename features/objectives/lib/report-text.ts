// Pure text helpers for parsing PDF-extracted Chinese report text (used by parse-report.ts).
// No Node APIs: safe to run in any JS runtime.

/** Han characters, CJK/fullwidth punctuation, curly quotes, dashes, ellipsis and the middle dot. */
const CJK = "\\p{Script=Han}\\u3000-\\u303F\\uFE30-\\uFE4F\\uFF00-\\uFFEF\\u2010-\\u2027\\u00B7";
const SPACE_NEAR_CJK = new RegExp(`(?<=[${CJK}]) +| +(?=[${CJK}])`, "gu");
const PAGE_NUMBER_LINE = /^\s*(?:[-—–]\s*)?\d{1,4}(?:\s*[-—–])?\s*$/;
const LATIN_END = /[A-Za-z0-9]$/;
const LATIN_START = /^[A-Za-z0-9]/;

const OPENERS = "“‘《（(「『【〔";
const CLOSERS = "”’》）)」』】〕";
const TERMINATORS = "。！？!?";
/** Clause separators used to cut a leading clause out of a sentence. */
const CLAUSE_BREAKS = "，,；;：:";
/** Characters never allowed at the end of a title. */
const TRAILING_PUNCT = /[\s，,、；;：:。！？!?—…·]+$/u;

/** Visual width of a line: CJK/fullwidth characters count 1, ASCII counts 0.5. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += ch.charCodeAt(0) < 0x80 ? 0.5 : 1;
  return w;
}

export function isPageNumberLine(line: string): boolean {
  return PAGE_NUMBER_LINE.test(line);
}

/**
 * Cleans PDF-extracted text: drops blank and page-number-only lines, joins wrapped lines
 * (a space is kept only between two Latin/digit tokens), collapses whitespace and removes
 * every space adjacent to a CJK character, CJK punctuation or a curly quote.
 */
export function cleanText(raw: string): string {
  const lines = raw
    .replace(/\r\n?/g, "\n")
    .replace(/[\u00A0\u3000\t]/g, " ")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "" && !isPageNumberLine(l));
  let out = "";
  for (const line of lines) {
    out += LATIN_END.test(out) && LATIN_START.test(line) ? ` ${line}` : line;
  }
  return out.replace(/ {2,}/g, " ").replace(SPACE_NEAR_CJK, "").trim();
}

/**
 * Splits cleaned text into sentences ending in 。！？. Closing quotes/brackets that follow a
 * terminator stay attached to its sentence; a terminator inside an open quote or bracket does
 * not end the sentence unless the quote closes right after it. Concatenating the result
 * reproduces the input exactly.
 */
export function splitSentences(text: string): string[] {
  const chars = [...text];
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] as string;
    if (OPENERS.includes(ch)) depth++;
    else if (CLOSERS.includes(ch)) depth = Math.max(0, depth - 1);
    else if (TERMINATORS.includes(ch)) {
      let end = i + 1;
      let d = depth;
      while (end < chars.length && CLOSERS.includes(chars[end] as string)) {
        d = Math.max(0, d - 1);
        end++;
      }
      while (end < chars.length && TERMINATORS.includes(chars[end] as string)) end++;
      if (d > 0) continue;
      out.push(chars.slice(start, end).join(""));
      start = end;
      depth = 0;
      i = end - 1;
    }
  }
  const rest = chars.slice(start).join("");
  if (rest.trim() !== "") out.push(rest);
  return out;
}

/** Removes the sentence terminator (and any trailing punctuation) from a sentence. */
export function stripTerminator(sentence: string): string {
  return sentence.replace(TRAILING_PUNCT, "");
}

/**
 * Title-sentence threshold: a paragraph's first sentence is a title when, without its 。,
 * it has at most TITLE_MAX_CHARS characters and contains no clause separator (，；：).
 * Every title sentence in the 2018 report is 8–25 characters with no comma (e.g.
 * 「把统一思想、凝聚力量作为工会思想政治工作的重要任务」 = 25), while ordinary first
 * sentences are long multi-clause sentences (the shortest in section 三 is > 100 chars).
 */
export const TITLE_MAX_CHARS = 30;

export function isTitleSentence(sentence: string): boolean {
  if (!/。[”’」』）》]*$/.test(sentence)) return false;
  const body = stripTerminator(sentence);
  return [...body].length <= TITLE_MAX_CHARS && ![...CLAUSE_BREAKS].some((c) => body.includes(c));
}

/** Preferred cut points for an over-long clause, best first: enumeration 、, then conjunctions. */
const CUT_TIERS: readonly (readonly string[])[] = [["、"], ["以及", "作为", "和", "与", "及", "并"]];

/**
 * Short title from a sentence: its leading clause (up to the first ，；： outside quotes and
 * brackets). A clause longer than `max` is cut before the last 、 (else the last conjunction
 * 和/与/及/并/作为) outside quotes that keeps at least half of `max`; failing that it is cut
 * at `max` characters, backing off before an unclosed quote or bracket.
 * The result is always a prefix of the sentence, without trailing punctuation.
 */
export function deriveTitle(sentence: string, max: number): string {
  const chars = [...sentence];
  const depthAt: number[] = [];
  let depth = 0;
  let end = chars.length;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] as string;
    depthAt.push(depth);
    if (OPENERS.includes(ch)) depth++;
    else if (CLOSERS.includes(ch)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && (CLAUSE_BREAKS.includes(ch) || TERMINATORS.includes(ch))) {
      end = i;
      break;
    }
  }
  let clause = chars.slice(0, end);
  if (clause.length > max) {
    const cutAt = (token: string): number => {
      const len = [...token].length;
      for (let i = Math.min(max, clause.length - len); i >= Math.ceil(max / 2); i--) {
        if (depthAt[i] === 0 && clause.slice(i, i + len).join("") === token) return i;
      }
      return -1;
    };
    const cut = CUT_TIERS.map((tier) => Math.max(...tier.map(cutAt))).find((i) => i > 0);
    clause = cut !== undefined ? clause.slice(0, cut) : backOffUnclosed(clause.slice(0, max), max);
  }
  return stripTerminator(clause.join(""));
}

/** If `chars` ends inside an open quote/bracket, cut before that opener (when enough remains). */
function backOffUnclosed(chars: string[], max: number): string[] {
  const open: number[] = [];
  chars.forEach((ch, i) => {
    if (OPENERS.includes(ch)) open.push(i);
    else if (CLOSERS.includes(ch)) open.pop();
  });
  const first = open[0];
  return first !== undefined && first >= max / 2 ? chars.slice(0, first) : chars;
}

const NUMERALS = "一二三四五六七八九";

/** Chinese numeral (一 … 九十九) → integer, or NaN. */
export function chineseToInt(s: string): number {
  const m = /^([一二三四五六七八九]?)(十?)([一二三四五六七八九]?)$/.exec(s);
  if (!m || s === "") return NaN;
  const [, a = "", ten = "", b = ""] = m;
  if (!ten) return a && !b ? NUMERALS.indexOf(a) + 1 : NaN;
  return (a ? NUMERALS.indexOf(a) + 1 : 1) * 10 + (b ? NUMERALS.indexOf(b) + 1 : 0);
}

/** Integer 1 … 99 → Chinese numeral. */
export function intToChinese(n: number): string {
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  const one = (d: number) => NUMERALS[d - 1] ?? "";
  if (tens === 0) return one(ones);
  return `${tens > 1 ? one(tens) : ""}十${one(ones)}`;
}
