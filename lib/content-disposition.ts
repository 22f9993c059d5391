// Content-Disposition per RFC 6266 with the UTF-8 name in filename* (RFC 5987/8187) and a plain
// ASCII fallback in filename, for every download (exports, evidence).

/** RFC 5987 value: UTF-8 percent-encoding of everything outside attr-char. */
export function rfc5987(value: string): string {
  return encodeURIComponent(value).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/**
 * `attachment` (or `inline`) with the UTF-8 name in filename* and a printable-ASCII fallback in
 * filename (quotes, backslashes and anything else replaced), for clients without RFC 6266 support.
 */
export function contentDisposition(
  fileName: string,
  asciiFallback: string,
  type: "attachment" | "inline" = "attachment",
): string {
  const fallback = asciiFallback.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `${type}; filename="${fallback}"; filename*=UTF-8''${rfc5987(fileName)}`;
}
