import { NextResponse, type NextRequest } from "next/server";
import { buildCsp, HSTS, newNonce } from "@/lib/security/csp";
import { servedOverHttps } from "@/lib/security/https";
import { parsePlanPrefix, PLAN_COOKIE } from "@/features/plans/lib/plan-choice";

// Every page gets a Content-Security-Policy with a fresh nonce, and HSTS when served over HTTPS. The
// static headers (nosniff, frame, referrer and permissions policies) are in next.config.js.
export function proxy(request: NextRequest) {
  const nonce = newNonce();
  const https = servedOverHttps(request.headers);
  const csp = buildCsp(nonce, { dev: process.env.NODE_ENV === "development", https });
  // A link with ?plan=<prefix> makes that plan current from here on (the shell, rendered in the same
  // request, reads the cookie too). The prefix grants nothing: reads resolve it against the visible plans.
  const plan = parsePlanPrefix(request.nextUrl.searchParams.get("plan"));
  if (plan) request.cookies.set(PLAN_COOKIE, plan);
  // Next reads the nonce from the request's copy of the policy while it renders.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  if (plan) response.cookies.set(PLAN_COOKIE, plan, { path: "/", maxAge: 365 * 24 * 3600, sameSite: "lax" });
  response.headers.set("Content-Security-Policy", csp);
  if (https) response.headers.set("Strict-Transport-Security", HSTS);
  return response;
}

export const config = {
  matcher: [
    {
      // Not the API (uploads must stream: the proxy would buffer their bodies) nor static files.
      source: "/((?!api/|_next/static|_next/image|favicon.ico|icon.svg).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
