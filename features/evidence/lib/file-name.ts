// The name an evidence file is stored, shown and downloaded under. The uploader chooses it, so it
// is untrusted: it must not hide its real type (`x.jpg.html`, or `photo\u202Egpj.exe` shown as
// `photoexe.jpg` by a right-to-left override) nor carry invisible or control characters.

/** The extension each accepted type is saved with (the first), and the other spellings it may keep. */
const EXTENSIONS: Record<string, readonly string[]> = {
  "image/jpeg": ["jpg", "jpeg"],
  "image/png": ["png"],
  "image/webp": ["webp"],
  "image/gif": ["gif"],
  "image/heic": ["heic"],
  "image/heif": ["heif"],
  "image/avif": ["avif"],
  "application/pdf": ["pdf"],
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ["docx"],
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": ["xlsx"],
  "application/vnd.openxmlformats-officedocument.presentationml.presentation": ["pptx"],
  "application/msword": ["doc"],
  "application/vnd.ms-excel": ["xls", "et"],
  "application/vnd.ms-powerpoint": ["ppt"],
  "application/vnd.ms-works": ["wps"],
};

// Control (Cc), format (Cf: bidi overrides and isolates, zero-width characters, soft hyphen …),
// unpaired surrogate (Cs), line/paragraph separator characters, and what file systems reject.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/gu;
const UNSAFE = /[:*?"<>|]/g;
const STEM_MAX = 100;

/** The extension a file of this (detected) MIME type is saved with; `bin` for an unknown type. */
export function extensionFor(mime: string): string {
  return EXTENSIONS[mime]?.[0] ?? "bin";
}

/**
 * A safe name for a file whose content was detected as `mime`: the last path part, without invisible
 * or control characters, its extension one of the type's own (the type's is appended otherwise), and
 * no other dot before it (`x.jpg.html` → `x_jpg_html.jpg`), so no reader can take it for another type.
 */
export function evidenceFileName(raw: string, mime: string): string {
  const base = (raw.split(/[\\/]/).pop() ?? "").replace(INVISIBLE, "").replace(UNSAFE, "_").trim();
  const known = EXTENSIONS[mime] ?? [];
  const dot = base.lastIndexOf(".");
  const ext = dot > 0 ? base.slice(dot + 1).toLowerCase() : "";
  const keep = known.includes(ext);
  const stem = (keep ? base.slice(0, dot) : base).replace(/\./g, "_").replace(/^[\s_]+|[\s_]+$/g, "");
  // Cut by code points, never inside a surrogate pair.
  const short = Array.from(stem).slice(0, STEM_MAX).join("") || "file";
  return `${short}.${keep ? ext : extensionFor(mime)}`;
}
