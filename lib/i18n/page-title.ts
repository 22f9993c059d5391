import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

/**
 * `generateMetadata` of a page titled by one catalogue message; the root layout's template appends
 * " · 工会任务督办", so every page has its own translated title in the tab and the history.
 */
export function pageTitle(key: string): () => Promise<Metadata> {
  return async () => ({ title: (await getTranslations())(key) });
}
