"use server";
import { cookies } from "next/headers";
import { parsePlanPrefix, PLAN_COOKIE } from "./lib/plan-choice";

/**
 * The plan switcher: remembers the chosen plan prefix in a cookie. It grants nothing: every read
 * resolves the prefix against the plans the user sees (`resolveCurrentPlan`), so an invisible or
 * unknown prefix simply falls back to the default.
 */
export async function choosePlanAction(prefix: string): Promise<void> {
  const value = parsePlanPrefix(prefix);
  if (!value) return;
  (await cookies()).set(PLAN_COOKIE, value, { path: "/", maxAge: 365 * 24 * 3600, sameSite: "lax" });
}
