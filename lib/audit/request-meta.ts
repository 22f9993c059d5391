import "server-only";
import { headers } from "next/headers";

export type TRequestMeta = { ip: string | null; userAgent: string | null };

/**
 * The client address of the current request. X-Forwarded-For ends with the direct peer (the server
 * appends it: lib/audit/forwarded-for.ts); behind N trusted reverse proxies (TRUSTED_PROXY_HOPS) the
 * address N entries from the right; entries further left are client-supplied and never trusted.
 * An IPv4 address seen through IPv6 (::ffff:a.b.c.d) is reported as a.b.c.d.
 */
export function clientIp(h: Pick<Headers, "get">): string | null {
  const hops = Number(process.env.TRUSTED_PROXY_HOPS ?? 0);
  const chain = (h.get("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const ip = chain[chain.length - 1 - (Number.isInteger(hops) && hops > 0 ? hops : 0)] ?? h.get("x-real-ip");
  return ip ? ip.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "").slice(0, 64) : null;
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
