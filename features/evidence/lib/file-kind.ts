// Which uploads are accepted, decided from the type detected in the file's bytes (never
// from its name or the browser's Content-Type). Pure, so it is unit-tested directly.
export type TAttachmentKind = "IMAGE" | "PDF" | "OFFICE";
export type TDetected = { ext: string; mime: string } | undefined;

export const MAX_FILE_BYTES = 20 * 1024 * 1024;
/** What a multipart body may hold besides the file (boundaries, part headers, the purpose field). */
export const MULTIPART_OVERHEAD = 64 * 1024;
/**
 * Per-user upload quota over a sliding hour, counted in the database (so every server instance
 * shares it): a form links at most 30 files, so 60 files or 300 MB an hour leaves room for honest
 * work and stops a script filling the disk.
 */
export const UPLOAD_QUOTA = { windowMs: 60 * 60 * 1000, files: 60, bytes: 300 * 1024 * 1024 };
/** Uploads never linked to a progress update or a report are removed after this long. */
export const UNLINKED_UPLOAD_TTL_MS = 24 * 60 * 60 * 1000;

const IMAGES = new Set(["jpg", "png", "webp", "gif", "heic", "heif", "avif"]);
const OOXML = new Set(["docx", "xlsx", "pptx"]);
/** Legacy Office files are OLE compound files ("cfb"); the content cannot tell Word from Excel, the name can. */
const LEGACY: Record<string, string> = {
  doc: "application/msword",
  xls: "application/vnd.ms-excel",
  ppt: "application/vnd.ms-powerpoint",
  wps: "application/vnd.ms-works",
  et: "application/vnd.ms-excel",
};

export function classifyFile(
  detected: TDetected,
  fileName: string,
): { kind: TAttachmentKind; mime: string } | null {
  if (!detected) return null;
  if (IMAGES.has(detected.ext)) return { kind: "IMAGE", mime: detected.mime };
  if (detected.ext === "pdf") return { kind: "PDF", mime: "application/pdf" };
  if (OOXML.has(detected.ext)) return { kind: "OFFICE", mime: detected.mime };
  if (detected.ext === "cfb") {
    const ext = fileName.toLowerCase().split(".").pop() ?? "";
    const mime = LEGACY[ext];
    return mime ? { kind: "OFFICE", mime } : null;
  }
  return null;
}

/** A safe display name: no path parts or control characters, at most 120 characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const cleaned = base
    // eslint-disable-next-line no-control-regex -- control characters are exactly what this strips
    .replace(/[\u0000-\u001f\u007f]/g, "")
    .trim()
    .slice(-120);
  return cleaned || "file";
}
