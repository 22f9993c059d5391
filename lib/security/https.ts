// Whether the browser reached the app over HTTPS, which decides HSTS and `Secure` cookies. Next serves
// plain HTTP itself, so HTTPS means NEXTAUTH_URL says https, or a trusted reverse proxy
// (TRUSTED_PROXY_HOPS > 0) says so in X-Forwarded-Proto. A client's own X-Forwarded-Proto is ignored.

export function servedOverHttps(
  h: Pick<Headers, "get">,
  env: Record<string, string | undefined> = process.env,
): boolean {
  if (env.NEXTAUTH_URL) return env.NEXTAUTH_URL.startsWith("https://");
  const hops = Number(env.TRUSTED_PROXY_HOPS ?? 0);
  if (!Number.isInteger(hops) || hops <= 0) return false;
  // Each proxy appends the scheme it was reached by; the outermost trusted one is `hops` from the right.
  const chain = (h.get("x-forwarded-proto") ?? "")
    .split(",")
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  return chain[chain.length - hops] === "https";
}
