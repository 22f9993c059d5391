import "server-only";
import mammoth from "mammoth";
import { AppError } from "@/lib/errors";
import { isCleanText } from "@/lib/input";
import { assertSafeZip, looksLikeZip, ZipRejected, type TZipLimits } from "@/lib/zip-guard";
import { MAX_TEXT_CHARS } from "../schemas";

// An uploaded plan document → its text. The kind is sniffed from the bytes, never taken from the
// name or the browser's type: a ZIP must be a Word document (checked by zip-guard before mammoth
// opens it); anything else must be text in UTF-8 or GB18030 (the encodings Chinese offices save).

/** Upload cap (a yearly 工作要点 is 20–60 KB as .docx). */
export const MAX_PLAN_FILE_BYTES = 5 * 1024 * 1024;

/** A .docx inflates to a few times its size; far above that is a bomb, not a document. */
const DOCX_LIMITS: TZipLimits = {
  maxEntries: 1_000,
  maxEntryBytes: 40 * 1024 * 1024,
  maxTotalBytes: 80 * 1024 * 1024,
  maxRatio: 200,
};

const OLE = [0xd0, 0xcf, 0x11, 0xe0]; // .doc, .xls (Word 97–2003): not supported

const PDF = [0x25, 0x50, 0x44, 0x46]; // %PDF
const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

function decodeText(bytes: Uint8Array): string {
  // NUL bytes: binary (or UTF-16, which no Chinese office tool saves by default).
  if (bytes.includes(0)) throw new AppError("FILE_TYPE");
  for (const encoding of ["utf-8", "gb18030"]) {
    try {
      const text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
      // GB18030 maps almost any byte sequence: binary shows itself by its control characters.
      if (!isCleanText(text)) throw new AppError("FILE_TYPE");
      return text;
    } catch (e) {
      if (e instanceof AppError) throw e;
    }
  }
  throw new AppError("FILE_TYPE");
}

async function docxText(bytes: Uint8Array): Promise<string> {
  let entries: string[];
  try {
    entries = assertSafeZip(bytes, DOCX_LIMITS);
  } catch (e) {
    if (e instanceof ZipRejected)
      throw new AppError(
        e.problem === "TOO_LARGE" || e.problem === "TOO_MANY_ENTRIES"
          ? "PLAN_FILE_UNSAFE"
          : "PLAN_FILE_UNREADABLE",
      );
    throw e;
  }
  // An XLSX, a JAR or any other ZIP is not a Word document.
  if (!entries.includes("word/document.xml")) throw new AppError("FILE_TYPE");
  try {
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    return value;
  } catch {
    throw new AppError("PLAN_FILE_UNREADABLE");
  }
}

/** The text of an uploaded .docx or .txt: FILE_TOO_LARGE, FILE_TYPE, PLAN_FILE_* or the text. */
export async function readPlanDocument(bytes: Uint8Array): Promise<string> {
  if (bytes.length > MAX_PLAN_FILE_BYTES) throw new AppError("FILE_TOO_LARGE");
  if (bytes.length === 0) throw new AppError("PLAN_FILE_EMPTY");
  if (startsWith(bytes, OLE) || startsWith(bytes, PDF)) throw new AppError("FILE_TYPE");
  const text = looksLikeZip(bytes) ? await docxText(bytes) : decodeText(bytes);
  if (text.trim() === "") throw new AppError("PLAN_FILE_EMPTY");
  if (text.length > MAX_TEXT_CHARS) throw new AppError("FILE_TOO_LARGE");
  return text;
}
