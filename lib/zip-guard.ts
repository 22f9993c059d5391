import zlib from "node:zlib";

// XLSX and DOCX files are ZIP archives. Before a library (exceljs, mammoth) opens one, the archive
// is checked here by its real content: every entry is inflated once with a hard output cap, so
// neither a zip bomb nor an archive whose directory lies about its sizes gets past. Outputs are
// discarded; only the verdict is kept.

export type TZipLimits = {
  maxEntries: number;
  /** Largest inflated entry. */
  maxEntryBytes: number;
  /** Largest sum of inflated entries. */
  maxTotalBytes: number;
  /** Largest inflated / compressed ratio of one entry (of entries above 1 MiB inflated). */
  maxRatio: number;
};

export const DEFAULT_ZIP_LIMITS: TZipLimits = {
  maxEntries: 5_000,
  maxEntryBytes: 400 * 1024 * 1024,
  maxTotalBytes: 800 * 1024 * 1024,
  maxRatio: 1_000,
};

export type TZipProblem =
  "NOT_ZIP" | "CORRUPT" | "ENCRYPTED" | "UNSUPPORTED" | "TOO_MANY_ENTRIES" | "TOO_LARGE";

export class ZipRejected extends Error {
  constructor(public readonly problem: TZipProblem) {
    super(`zip rejected: ${problem}`);
    this.name = "ZipRejected";
  }
}

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;

/** A ZIP archive starts with a local file header ("PK\x03\x04"). */
export function looksLikeZip(buf: Uint8Array): boolean {
  return buf.length >= 4 && buf[0] === 0x50 && buf[1] === 0x4b && buf[2] === 0x03 && buf[3] === 0x04;
}

function findEnd(buf: Buffer): number {
  // The end record is 22 bytes plus a comment of at most 65,535 bytes.
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65_535); i--) {
    if (buf.readUInt32LE(i) === END) return i;
  }
  throw new ZipRejected("CORRUPT");
}

function inflate(data: Buffer, method: number, cap: number): number {
  if (method === 0) return data.length;
  if (method !== 8) throw new ZipRejected("UNSUPPORTED");
  try {
    return zlib.inflateRawSync(data, { maxOutputLength: cap + 1 }).length;
  } catch (e) {
    if (e instanceof RangeError || (e as { code?: string }).code === "ERR_BUFFER_TOO_LARGE")
      throw new ZipRejected("TOO_LARGE");
    throw new ZipRejected("CORRUPT");
  }
}

/**
 * Checks an archive; returns its entry names, or throws `ZipRejected`. ZIP64 archives (never needed
 * for the files this app accepts, all far below 4 GiB) are refused as UNSUPPORTED.
 */
export function assertSafeZip(input: Uint8Array, limits: TZipLimits = DEFAULT_ZIP_LIMITS): string[] {
  const buf = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  if (!looksLikeZip(buf)) throw new ZipRejected("NOT_ZIP");
  try {
    const end = findEnd(buf);
    const count = buf.readUInt16LE(end + 10);
    const dirOffset = buf.readUInt32LE(end + 16);
    if (count === 0xffff || dirOffset === 0xffffffff) throw new ZipRejected("UNSUPPORTED");
    if (count > limits.maxEntries) throw new ZipRejected("TOO_MANY_ENTRIES");
    const names: string[] = [];
    let total = 0;
    let p = dirOffset;
    for (let i = 0; i < count; i++) {
      if (buf.readUInt32LE(p) !== CENTRAL) throw new ZipRejected("CORRUPT");
      const flags = buf.readUInt16LE(p + 8);
      const method = buf.readUInt16LE(p + 10);
      const compressed = buf.readUInt32LE(p + 20);
      const declared = buf.readUInt32LE(p + 24);
      const nameLen = buf.readUInt16LE(p + 28);
      const extraLen = buf.readUInt16LE(p + 30);
      const commentLen = buf.readUInt16LE(p + 32);
      const local = buf.readUInt32LE(p + 42);
      names.push(buf.toString("utf8", p + 46, p + 46 + nameLen));
      p += 46 + nameLen + extraLen + commentLen;
      if (flags & 1) throw new ZipRejected("ENCRYPTED");
      if (compressed === 0xffffffff || declared === 0xffffffff) throw new ZipRejected("UNSUPPORTED");
      if (declared > limits.maxEntryBytes || total + declared > limits.maxTotalBytes)
        throw new ZipRejected("TOO_LARGE");
      if (declared > 1024 * 1024 && declared > compressed * limits.maxRatio)
        throw new ZipRejected("TOO_LARGE");
      if (buf.readUInt32LE(local) !== LOCAL) throw new ZipRejected("CORRUPT");
      const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
      if (start + compressed > buf.length) throw new ZipRejected("CORRUPT");
      // The directory's size is a claim: inflate with the claim as the cap and compare.
      const real = inflate(buf.subarray(start, start + compressed), method, declared);
      if (real !== declared) throw new ZipRejected(real > declared ? "TOO_LARGE" : "CORRUPT");
      total += real;
    }
    return names;
  } catch (e) {
    if (e instanceof ZipRejected) throw e;
    // Offsets pointing past the end of the buffer.
    throw new ZipRejected("CORRUPT");
  }
}
