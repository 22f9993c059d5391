// Turns the text of a document (pasted, a .txt file, or the raw text of a .docx) into paragraphs,
// and recognises the numbering of Chinese official documents at the start of a paragraph.
// Pure, no Node APIs.
import { splitParagraphs, type ReportLine } from "./parse-report";
import { cleanText, displayWidth, isPageNumberLine } from "./report-text";

/** Numbering kinds in their conventional order: 一、 （一） 1. （1） ①. */
const MARKERS: readonly RegExp[] = [
  /^[一二三四五六七八九十]{1,3}、\s*/,
  /^[（(][一二三四五六七八九十]{1,3}[）)]\s*/,
  /^\d{1,2}[.、](?!\d)\s*/,
  /^[（(]\d{1,2}[）)]\s*/,
  /^[①-⑳]\s*/,
];

/** Full-width digits and dot as ASCII (same length), so that 「１．」 numbers like 「1.」. */
function halfWidth(s: string): string {
  return s.replace(/[０-９．]/g, (c) => (c === "．" ? "." : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
}

export type TMarker = { rank: number; length: number };

/** The numbering a paragraph starts with (rank 0 = 一、 … 4 = ①, length in UTF-16 units), or null. */
export function markerOf(paragraph: string): TMarker | null {
  const s = halfWidth(paragraph);
  for (const [rank, re] of MARKERS.entries()) {
    const m = re.exec(s);
    if (m) return { rank, length: m[0].length };
  }
  return null;
}

const TERMINATED = /[。！？：；][”’」』）》]*$/;

/** How lines become paragraphs: one per line (Word, most pasted text) or re-joined wrapped lines (PDF text). */
export type TTextMode = "lines" | "wrapped" | "auto";

function rawLines(text: string): string[] {
  return text
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?/g, "\n")
    .replace(/[\u00A0\u3000\t]/g, " ")
    .split("\n")
    .filter((l) => l.trim() !== "" && !isPageNumberLine(l));
}

/**
 * Hard-wrapped text (PDF) has many lines that neither end a sentence nor start a number; a Word
 * document or text pasted from one has almost none (a title, a date line).
 */
function looksLineBased(lines: readonly string[]): boolean {
  if (lines.length === 0) return true;
  const cut = lines.filter((l) => !TERMINATED.test(l.trim()) && markerOf(l.trim()) === null).length;
  return cut / lines.length <= 0.2;
}

/** A short numbered line without a terminator: a heading standing on its own line. */
function isHeadingLine(line: ReportLine, shortWidth: number): boolean {
  return markerOf(line.text) !== null && !TERMINATED.test(line.text) && displayWidth(line.text) < shortWidth;
}

function wrappedParagraphs(lines: readonly string[]): string[] {
  const rows: ReportLine[] = lines.map((raw) => ({
    text: raw.trim(),
    trailing: /\s$/.test(raw),
    indent: raw.length - raw.trimStart().length,
  }));
  const widths = rows.map((r) => displayWidth(r.text)).sort((a, b) => a - b);
  const shortWidth = 0.8 * (widths[Math.floor(widths.length / 2)] ?? 0);
  const out: string[] = [];
  let run: ReportLine[] = [];
  const flush = () => {
    if (run.length) out.push(...splitParagraphs(run));
    run = [];
  };
  for (const row of rows) {
    if (isHeadingLine(row, shortWidth)) {
      flush();
      out.push(cleanText(row.text));
    } else run.push(row);
  }
  flush();
  return out;
}

/** The document's paragraphs, cleaned (no line breaks, no spaces next to CJK text). */
export function toParagraphs(text: string, mode: TTextMode = "auto"): string[] {
  const lines = rawLines(text);
  const byLine = mode === "lines" || (mode === "auto" && looksLineBased(lines));
  const paragraphs = byLine ? lines.map((l) => cleanText(l)) : wrappedParagraphs(lines);
  return paragraphs.filter((p) => p !== "");
}

/** A document has no top-level part 「N、」 with the numeral asked for. */
export class PartNotFoundError extends Error {
  constructor(public readonly numeral: string) {
    super(`part 「${numeral}、」 not found in the document`);
    this.name = "PartNotFoundError";
  }
}

/**
 * The paragraphs of the top-level part 「numeral、」 (up to the next 「N、」), its heading's first
 * sentence apart. Works on any paragraphs, so a Word document and a PDF's wrapped text alike.
 */
export function partParagraphs(
  paragraphs: readonly string[],
  numeral: string,
): { heading: string; paragraphs: string[] } {
  const top = (p: string) => markerOf(p)?.rank === 0;
  const start = paragraphs.findIndex((p) => top(p) && p.startsWith(`${numeral}、`));
  if (start < 0) throw new PartNotFoundError(numeral);
  let end = start + 1;
  while (end < paragraphs.length && !top(paragraphs[end]!)) end++;
  const opening = paragraphs[start]!.slice(markerOf(paragraphs[start]!)!.length);
  // 「三、标题。正文……」: the title is the first sentence, the rest opens the part's body.
  const cut = opening.search(/[。！？；]/);
  const [heading, rest] = cut < 0 ? [opening, ""] : [opening.slice(0, cut), opening.slice(cut + 1)];
  return { heading, paragraphs: [...(rest ? [rest] : []), ...paragraphs.slice(start + 1, end)] };
}
