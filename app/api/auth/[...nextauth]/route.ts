import NextAuth from "next-auth";
import { getAuthOptions } from "@/lib/auth/options";
import { servedOverHttps } from "@/lib/security/https";

function handler(req: Request, ctx: { params: Promise<{ nextauth: string[] }> }) {
  return NextAuth(getAuthOptions({ secureCookies: servedOverHttps(req.headers) }))(req, ctx);
}

export { handler as GET, handler as POST };
