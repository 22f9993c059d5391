import zlib from "node:zlib";

// What exceljs's streaming reader does not tell: the first worksheet's <dimension> (a claim about its
// size, read before any row) and its <mergeCell> ranges (written after the rows). The worksheet part
// is inflated once as a stream and scanned; only a short tail is kept between chunks. Run it after
// lib/zip-guard has accepted the archive (sizes and ratios are then bounded).

const SHEET = /^xl\/worksheets\/sheet\d+\.xml$/;
const DIMENSION = /<(?:\w+:)?dimension\s+ref="[A-Z]*\d*(?::[A-Z]+(\d+))?"/;
const MERGE = /<(?:\w+:)?mergeCell\s+ref="([A-Z]+\d+(?::[A-Z]+\d+)?)"/;

type TEntry = { name: string; method: number; start: number; compressed: number };

/** The first worksheet part in archive order (the one exceljs's streaming reader emits first). */
function firstSheetEntry(buf: Buffer): TEntry | null {
  let p = 0;
  // Local headers in order; zip-guard has checked that every entry is well formed.
  while (p + 30 <= buf.length && buf.readUInt32LE(p) === 0x04034b50) {
    const method = buf.readUInt16LE(p + 8);
    const compressed = buf.readUInt32LE(p + 18);
    const nameLen = buf.readUInt16LE(p + 26);
    const extraLen = buf.readUInt16LE(p + 28);
    const name = buf.toString("utf8", p + 30, p + 30 + nameLen);
    const start = p + 30 + nameLen + extraLen;
    if (SHEET.test(name)) return { name, method, start, compressed };
    // A data descriptor (flag bit 3) leaves the size at 0 here: fall back to the central directory.
    if (buf.readUInt16LE(p + 6) & 8) return fromDirectory(buf);
    p = start + compressed;
  }
  return fromDirectory(buf);
}

function fromDirectory(buf: Buffer): TEntry | null {
  let end = buf.length - 22;
  while (end >= 0 && buf.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) return null;
  let p = buf.readUInt32LE(end + 16);
  const found: (TEntry & { local: number })[] = [];
  for (let i = 0; i < buf.readUInt16LE(end + 10); i++) {
    const nameLen = buf.readUInt16LE(p + 28);
    const name = buf.toString("utf8", p + 46, p + 46 + nameLen);
    const local = buf.readUInt32LE(p + 42);
    if (SHEET.test(name)) {
      const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
      found.push({
        name,
        method: buf.readUInt16LE(p + 10),
        start,
        compressed: buf.readUInt32LE(p + 20),
        local,
      });
    }
    p += 46 + nameLen + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return found.sort((a, b) => a.local - b.local)[0] ?? null;
}

export type TSheetProbe = {
  /** The last row the <dimension> claims (null when absent or a single cell). */
  claimedRows: number | null;
  /** The first merged range, e.g. "A3:B3" (null when none). */
  merge: string | null;
};

/**
 * Scans the first worksheet. `stopAboveRows`: when the dimension claims more rows than that, returns
 * at once without inflating the rest.
 */
export async function probeFirstSheet(buf: Buffer, stopAboveRows: number): Promise<TSheetProbe | null> {
  const entry = firstSheetEntry(buf);
  if (!entry) return null;
  const data = buf.subarray(entry.start, entry.start + entry.compressed);
  const out: TSheetProbe = { claimedRows: null, merge: null };
  let tail = "";
  let seenData = false;
  const scan = (text: string): boolean => {
    const s = tail + text;
    if (!seenData) {
      const d = DIMENSION.exec(s);
      if (d?.[1]) out.claimedRows = Number(d[1]);
      if (out.claimedRows !== null && out.claimedRows > stopAboveRows) return true;
      if (s.includes("<sheetData") || /<\w+:sheetData/.test(s)) seenData = true;
    }
    const m = MERGE.exec(s);
    if (m) {
      out.merge = m[1]!;
      return true;
    }
    tail = s.slice(-300);
    return false;
  };
  if (entry.method === 0) {
    scan(data.toString("latin1"));
    return out;
  }
  const inflater = zlib.createInflateRaw();
  inflater.end(data);
  for await (const chunk of inflater as AsyncIterable<Buffer>) {
    if (scan(chunk.toString("latin1"))) {
      inflater.destroy();
      break;
    }
  }
  return out;
}
