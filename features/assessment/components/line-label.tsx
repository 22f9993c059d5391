import { useTranslations } from "next-intl";
import type { TLine } from "../lib/score";
import type { TSchemeRules } from "../schemas";
import { useDescribe } from "./scheme-summary";

/** A line's name in words: its kind, then the rule (or the item's reason). */
export function useLineLabel(rules: TSchemeRules, indicatorNames: Record<number, string>) {
  const ta = useTranslations("assessment");
  const colon = useTranslations("punct")("colon");
  const describe = useDescribe(indicatorNames);
  const ruleOf = new Map(rules.rules.map((r) => [r.id, r]));
  return (line: Pick<TLine, "key" | "kind" | "note">) => {
    const rule = ruleOf.get(line.key);
    const what = rule ? describe(rule) : (line.note ?? "");
    return `${ta(`kind.${line.kind}`)}${what ? colon + what : ""}`;
  };
}
