import { useTranslations } from "next-intl";
import { DEDUCTION_KINDS, PRIORITIES, type TRule, type TSchemeRules } from "../schemas";

// A scheme in words (the version page): who is scored on what, each rule with its kind's
// explanation (assessment.kindHint), the grade thresholds and the veto.

type TProps = {
  rules: TSchemeRules;
  scope: "DIRECT" | "LEVEL";
  level: string | null;
  planTitle: string | null;
  indicatorNames: Record<number, string>;
};

const isDeduction = (r: TRule) => (DEDUCTION_KINDS as readonly string[]).includes(r.kind);

/** A rule in words (points each, weights, cap), as the scheme page writes it. */
export function useDescribe(indicatorNames: Record<number, string>) {
  const t = useTranslations("assessmentSchemes.describe");
  const ta = useTranslations("assessment");
  const sep = useTranslations("punct")("listSep");
  return (r: TRule): string => {
    const parts: string[] = [];
    if (r.kind === "COMPLETED") {
      const weights = PRIORITIES.map((p) =>
        t("weight", { priority: ta(`priority.${p}`), weight: r.weights[p] }),
      ).join(sep);
      parts.push(t("COMPLETED", { points: r.points, weights }));
    } else if (r.kind === "INDICATOR") {
      const name = indicatorNames[r.indicatorId] ?? t("unknownIndicator", { id: r.indicatorId });
      parts.push(t("INDICATOR", { name, points: r.points, ratio: Math.round(r.capRatio * 100) }));
    } else parts.push(t(isDeduction(r) ? "minus" : "plus", { points: r.points }));
    if (r.kind !== "INDICATOR" && r.max !== undefined)
      parts.push(t(isDeduction(r) ? "capMinus" : "cap", { cap: r.max }));
    return parts.join(sep);
  };
}

export function SchemeSummary({ rules, scope, level, planTitle, indicatorNames }: TProps) {
  const t = useTranslations("assessmentSchemes");
  const ta = useTranslations("assessment");
  const colon = useTranslations("punct")("colon");
  const describe = useDescribe(indicatorNames);
  const groups = [
    { key: "positive", rules: rules.rules.filter((r) => !isDeduction(r)) },
    { key: "negative", rules: rules.rules.filter(isDeduction) },
  ] as const;
  return (
    <div className="grid gap-3 p-4 text-sm text-slate-700" data-testid="scheme-summary">
      <ul className="grid gap-1">
        <li>
          {scope === "LEVEL" && level
            ? t("describe.scopeLevel", { level: t(`level.${level}` as "level.COUNTY") })
            : t("describe.scope", { scope: ta("scope.DIRECT") })}
        </li>
        <li>{planTitle ? t("describe.plan", { plan: planTitle }) : t("describe.planAll")}</li>
        <li className="font-medium text-slate-900">{t("describe.base", { base: rules.base })}</li>
      </ul>
      {groups.map((g) =>
        g.rules.length ? (
          <section key={g.key} className="grid gap-2">
            <h3 className="font-semibold text-slate-800">{t(g.key)}</h3>
            <ul className="grid gap-2">
              {g.rules.map((r) => (
                <li key={r.id} className="rounded-md border border-slate-200 p-2">
                  <div className="font-medium break-words text-slate-900">
                    {ta(`kind.${r.kind}`)}
                    {colon}
                    {describe(r)}
                  </div>
                  <div className="break-words text-slate-500">{ta(`kindHint.${r.kind}`)}</div>
                </li>
              ))}
            </ul>
          </section>
        ) : null,
      )}
      {rules.rules.length === 0 ? <p className="text-slate-500">{t("noRules")}</p> : null}
      <ul className="grid gap-1">
        <li>
          {t("describe.bands", {
            excellent: rules.bands.EXCELLENT,
            good: rules.bands.GOOD,
            pass: rules.bands.PASS,
          })}
        </li>
        <li>{t("describe.veto", { grade: ta(`grade.${rules.vetoGrade}`) })}</li>
      </ul>
    </div>
  );
}
