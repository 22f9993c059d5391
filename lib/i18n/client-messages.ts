import type { TLocale } from "./config";
import { MESSAGES } from "./messages";

// Every page's React Server Components payload carries the messages handed to the client
// provider. Namespaces that only server components read stay on the server (about a third of
// the catalogue, ~10 KB per page). A client component ("use client") that starts reading one of
// these must take it off this list: client-messages.test.ts checks the client files for it.
export const SERVER_ONLY_NAMESPACES: readonly string[] = [
  "completion",
  "exports",
  "notifications",
  "objectives",
  "home",
  "orgs",
  "levels",
  "objectiveLevels",
  "notFound",
  "forbidden",
  "titles",
  "planList",
  "assessmentOutputs",
];

const cached = new Map<TLocale, Record<string, unknown>>();

/** The messages client components may use, for NextIntlClientProvider. */
export function clientMessages(locale: TLocale): Record<string, unknown> {
  let m = cached.get(locale);
  if (!m) {
    m = Object.fromEntries(
      Object.entries(MESSAGES[locale]).filter(([ns]) => !SERVER_ONLY_NAMESPACES.includes(ns)),
    );
    cached.set(locale, m);
  }
  return m;
}
