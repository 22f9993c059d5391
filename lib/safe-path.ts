// Where the app may send a browser after sign-in (or any other redirect whose target comes from input):
// only a path on this origin. Browsers read "/\host", "/%09/host" or "\\host" as another host, so the
// check is strict on the raw text, on every decoded form of it, and on what a URL parser makes of it.

const DUMMY_ORIGIN = "http://same-origin.invalid";
// Control characters, whitespace of any kind (tabs and newlines are stripped by URL parsers) and the
// backslash (a path separator to browsers).
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0020\u007f-\u00a0\u1680\u2000-\u200f\u2028-\u202f\u205f\u3000\ufeff\\]/;
const MAX_LENGTH = 2048;

function acceptable(text: string): boolean {
  return text.startsWith("/") && !text.startsWith("//") && !FORBIDDEN.test(text);
}

/** The decoded forms of `raw` (up to three rounds), or null when it is not valid percent-encoding. */
function decodedForms(raw: string): string[] | null {
  const forms = [raw];
  let current = raw;
  for (let round = 0; round < 3; round++) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      return null;
    }
    if (next === current) return forms;
    forms.push(next);
    current = next;
  }
  return forms;
}

/**
 * `raw` when it is a same-origin relative path ("/tasks?q=1#x"), otherwise null. The result is the
 * path as a URL parser normalised it, so what is followed is exactly what was checked.
 */
export function sameOriginPath(raw: unknown): string | null {
  if (typeof raw !== "string" || raw.length === 0 || raw.length > MAX_LENGTH) return null;
  if (!acceptable(raw)) return null;
  // The path part in every decoded form; an encoded space in the query ("?q=a%20b") is harmless.
  const forms = decodedForms(raw.split(/[?#]/, 1)[0] ?? "");
  if (!forms || !forms.every(acceptable)) return null;
  let url: URL;
  try {
    url = new URL(raw, DUMMY_ORIGIN);
  } catch {
    return null;
  }
  if (url.origin !== DUMMY_ORIGIN) return null;
  const path = `${url.pathname}${url.search}${url.hash}`;
  return acceptable(path) ? path : null;
}

/** `raw` when it is a same-origin relative path, otherwise `fallback`. */
export function safeRedirectPath(raw: unknown, fallback = "/"): string {
  return sameOriginPath(raw) ?? fallback;
}

/**
 * For next-auth's redirect callback: an absolute URL on `baseUrl`'s origin or a safe relative path,
 * as an absolute URL on `baseUrl`; anything else goes to `baseUrl`.
 */
export function safeAbsoluteRedirect(url: string, baseUrl: string): string {
  const base = new URL(baseUrl);
  let candidate: string | null = null;
  if (url.startsWith("/")) candidate = sameOriginPath(url);
  else {
    try {
      const abs = new URL(url);
      if (abs.origin === base.origin) candidate = sameOriginPath(`${abs.pathname}${abs.search}${abs.hash}`);
    } catch {
      candidate = null;
    }
  }
  return candidate ? `${base.origin}${candidate}` : baseUrl;
}
