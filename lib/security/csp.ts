// The Content-Security-Policy of every page (proxy.ts sets it with a fresh nonce per request; Next reads
// the nonce from the request's copy of the header and puts it on its own scripts).
//
// style-src keeps 'unsafe-inline': React writes style attributes (Radix positions popovers with them,
// ECharts sizes its canvas, sonner injects a <style>), and a nonce in style-src would make browsers
// ignore 'unsafe-inline'. Scripts, the part that matters for XSS, are nonce-only.

export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

export function buildCsp(nonce: string, opts: { dev?: boolean; https?: boolean } = {}): string {
  const directives = [
    "default-src 'self'",
    // React uses eval only in development (error stacks); production needs no 'unsafe-eval'.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${opts.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(opts.https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/** HSTS for two years, only ever sent on responses that reached the browser over HTTPS. */
export const HSTS = "max-age=63072000; includeSubDomains";
