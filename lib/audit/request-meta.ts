import "server-only";
import { headers } from "next/headers";

export type TRequestMeta = { ip: string | null; userAgent: string | null };

/**
 * The client address of the current request. Behind N trusted reverse proxies (TRUSTED_PROXY_HOPS),
 * the address N entries from the right of X-Forwarded-For; entries further left are client-supplied and
 * never trusted.
 */
export function clientIp(h: Pick<Headers, "get">): string | null {
  const hops = Number(process.env.TRUSTED_PROXY_HOPS ?? 0);
  const chain = (h.get("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const ip = chain[chain.length - 1 - (Number.isInteger(hops) && hops > 0 ? hops : 0)] ?? h.get("x-real-ip");
  return ip ? ip.slice(0, 64) : null;
}

/** Source address and user agent of the request being served; nulls outside a request (scripts, tests). */
export async function getRequestMeta(): Promise<TRequestMeta> {
  try {
    const h = await headers();
    return { ip: clientIp(h), userAgent: h.get("user-agent")?.slice(0, 512) ?? null };
  } catch {
    return { ip: null, userAgent: null };
  }
}
