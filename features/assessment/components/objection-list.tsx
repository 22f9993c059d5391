import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { chinaToday, formatDay } from "@/lib/dates";
import type { TLine } from "../lib/score";
import type { TSchemeRules } from "../schemas";
import type { TObjectionRow } from "../server/result-read";
import { useLineLabel } from "./line-label";
import { DecideObjectionForm, ObjectionForm } from "./objection-forms";

// 申诉 on a published result: the list (pending ones with the decision form for the running org,
// decided ones as history) and the unit's form.

const STATUS_TONE = { PENDING: "amber", ACCEPTED: "green", REJECTED: "gray" } as const;

type TListProps = {
  objections: (TObjectionRow & { line?: TLine | null })[];
  lines?: TLine[];
  rules: TSchemeRules;
  indicatorNames: Record<number, string>;
  /** Show the decision form on pending objections. */
  canDecide: boolean;
  /** Name the unit (the result's list of every unit's pending objections). */
  showUnit?: boolean;
};

export function ObjectionList({ objections, lines, rules, indicatorNames, canDecide, showUnit }: TListProps) {
  const t = useTranslations("assessmentResults.objection");
  const colon = useTranslations("punct")("colon");
  const label = useLineLabel(rules, indicatorNames);
  const lineOf = (o: TListProps["objections"][number]) =>
    o.line ?? lines?.find((l) => l.key === o.lineKey) ?? null;
  return (
    <ul className="divide-y divide-slate-100 text-sm" data-testid="assess-objections">
      {objections.map((o) => {
        const line = lineOf(o);
        return (
          <li key={o.id} className="grid gap-1.5 px-4 py-3" data-testid={`assess-objection-${o.id}`}>
            <span className="flex flex-wrap items-center gap-2">
              <Badge tone={STATUS_TONE[o.status]}>{t(`status.${o.status}`)}</Badge>
              <span className="min-w-0 font-medium break-words text-slate-900">
                {showUnit ? o.orgName + colon : ""}
                {line ? label(line) : o.lineKey}
              </span>
            </span>
            <p className="break-words text-slate-700">{o.reason}</p>
            <p className="text-xs text-slate-500">
              {t("raisedOn", { day: formatDay(chinaToday(o.createdAt)) })}
              {o.decidedAt ? ` · ${t("decidedOn", { day: formatDay(chinaToday(o.decidedAt)) })}` : ""}
            </p>
            {o.status === "ACCEPTED" && o.acceptedPoints !== null ? (
              <p className="text-emerald-800">
                {line?.kind === "VETO" ? t("vetoLifted") : t("acceptedPoints", { points: o.acceptedPoints })}
              </p>
            ) : null}
            {o.decisionNote ? (
              <p className="break-words text-slate-600">{t("note", { note: o.decisionNote })}</p>
            ) : null}
            {canDecide && o.status === "PENDING" ? (
              <DecideObjectionForm objectionId={o.id} points={line?.points ?? 0} />
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

/** The unit's 申诉 form: a line of its sheet and a reason. */
export function UnitObjectionForm({
  resultId,
  lines,
  rules,
  indicatorNames,
}: {
  resultId: number;
  lines: TLine[];
  rules: TSchemeRules;
  indicatorNames: Record<number, string>;
}) {
  const label = useLineLabel(rules, indicatorNames);
  return <ObjectionForm resultId={resultId} lines={lines.map((l) => ({ key: l.key, label: label(l) }))} />;
}
