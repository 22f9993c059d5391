import "server-only";
import { createTranslator } from "next-intl";
import type { TLocale } from "@/lib/i18n/config";
import { MESSAGES } from "@/lib/i18n/messages";
import type { TTranslate } from "../lib/translate";

/**
 * The catalogue translator for one locale — what getTranslations() gives a page, built
 * directly from the same messages so that the export code runs the same in a route
 * handler (locale from the cookie) and in tests.
 */
export function exportTranslator(locale: TLocale): TTranslate {
  const t = createTranslator({ locale, messages: MESSAGES[locale], timeZone: "Asia/Shanghai" });
  // A ledger row names its status, kind, priority … by key: millions of lookups of a few dozen texts.
  const plain = new Map<string, string>();
  return (key, values) => {
    if (values) return t(key as never, values as never);
    let text = plain.get(key);
    if (text === undefined) plain.set(key, (text = t(key as never)));
    return text;
  };
}
