import Link from "next/link";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { TLine } from "../lib/score";
import type { TGrade, TSchemeRules } from "../schemas";
import type { TLineRef } from "../server/explain";
import { GRADE_TONE } from "./ranking-table";
import { useDescribe } from "./scheme-summary";

// One unit's score sheet: the base, then each line (rule in words or the item's reason, count,
// points, an accepted objection's original) with the records behind it when known, and the total.

type TProps = {
  lines: TLine[];
  rules: TSchemeRules;
  indicatorNames: Record<number, string>;
  refs?: Record<string, TLineRef[]>;
  total: number;
  grade: TGrade;
  vetoed: boolean;
  /** Extra content per line (a withdraw button, an objection marker). */
  aside?: (line: TLine) => React.ReactNode;
};

function RefList({ refs, kind }: { refs: TLineRef[]; kind: TLine["kind"] }) {
  const t = useTranslations("assessmentResults");
  const ta = useTranslations("assessment");
  const paren = useTranslations("punct");
  const extra = (r: TLineRef): string | null => {
    if (kind === "INDICATOR")
      return t("indicatorRef", {
        target: r.target ?? "-",
        actual: r.actual === null || r.actual === undefined ? t("noActual") : r.actual,
      });
    if (!r.extra) return null;
    if (kind === "COMPLETED") return t("extra.priority", { priority: ta(`priority.${r.extra as "LOW"}`) });
    if (kind === "RETURNED" || kind === "NUDGED") return t("extra.day", { day: r.extra });
    const [start, end] = r.extra.split("/");
    return t("extra.period", { start: start ?? "", end: end ?? "" });
  };
  if (!refs.length) return <p className="text-xs text-slate-400">{t("line.noRecords")}</p>;
  return (
    <ul className="grid gap-0.5 text-xs text-slate-600">
      {refs.map((r, i) => {
        const x = extra(r);
        return (
          <li key={`${r.taskId}-${i}`} className="break-words">
            <Link href={`/tasks/${r.taskId}`} className="text-brand-700 hover:underline">
              {r.code} {r.title}
            </Link>
            {x ? ` ${paren("paren", { text: x })}` : null}
          </li>
        );
      })}
    </ul>
  );
}

export function SheetLines({ lines, rules, indicatorNames, refs, total, grade, vetoed, aside }: TProps) {
  const t = useTranslations("assessmentResults");
  const ta = useTranslations("assessment");
  const describe = useDescribe(indicatorNames);
  const ruleOf = new Map(rules.rules.map((r) => [r.id, r]));
  return (
    <div className="grid gap-0 text-sm">
      <div className="flex flex-wrap items-baseline justify-between gap-2 border-b border-slate-100 px-4 py-3">
        <span className="font-medium text-slate-800">
          {t("base")} <span className="text-xs font-normal text-slate-500">{t("baseHint")}</span>
        </span>
        <span className="tabular-nums">{t("points", { points: rules.base })}</span>
      </div>
      <ul className="divide-y divide-slate-100">
        {lines.map((l) => {
          const rule = ruleOf.get(l.key);
          return (
            <li key={l.key} className="grid gap-1 px-4 py-3" data-testid={`assess-line-${l.key}`}>
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <span className="min-w-0 font-medium break-words text-slate-900">
                  {ta(`kind.${l.kind}`)}
                  {l.kind === "VETO" ? (
                    <Badge tone={l.lifted ? "gray" : "red"} className="ml-2">
                      {t(l.lifted ? "line.vetoLifted" : "vetoMark")}
                    </Badge>
                  ) : null}
                </span>
                <span className="flex items-baseline gap-3 tabular-nums">
                  <span className="text-xs text-slate-500">
                    {t("line.count")} {l.count}
                  </span>
                  <span
                    className={l.points < 0 ? "font-semibold text-red-700" : "font-semibold text-slate-900"}
                    data-testid="assess-line-points"
                  >
                    {t("points", { points: l.points })}
                  </span>
                </span>
              </div>
              <p className="break-words text-slate-600">{rule ? describe(rule) : l.note}</p>
              {l.original !== undefined ? (
                <p className="text-xs text-amber-800">{t("line.original", { points: l.original })}</p>
              ) : null}
              {refs && rule ? <RefList refs={refs[l.key] ?? []} kind={l.kind} /> : null}
              {aside ? aside(l) : null}
            </li>
          );
        })}
      </ul>
      <div className="flex flex-wrap items-center justify-between gap-2 border-t border-slate-200 bg-slate-50 px-4 py-3">
        <span className="text-base font-semibold text-slate-900" data-testid="assess-total">
          {t("total", { total })}
        </span>
        <span className="flex flex-wrap gap-1">
          <Badge tone={GRADE_TONE[grade]}>{ta(`grade.${grade}`)}</Badge>
          {vetoed ? (
            <Badge tone="red">{t("line.vetoed", { grade: ta(`grade.${rules.vetoGrade}`) })}</Badge>
          ) : null}
        </span>
      </div>
    </div>
  );
}
