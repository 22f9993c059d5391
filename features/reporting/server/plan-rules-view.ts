import "server-only";
import { addDays, chinaToday, formatDay } from "@/lib/dates";
import type { TEditNode } from "@/features/plan-edit/server/get-plan-for-edit";
import type { TRuleItem } from "../components/reporting-rules-card";
import { listPlanReportingRules } from "./list-rules";
import type { TRuleActor } from "./rule-scope";

/** What the plan edit page's 定期报送 card shows: the rules, the live measures to choose, default dates. */
export async function planRulesView(
  actor: TRuleActor,
  plan: { id: number; periodStart: Date; periodEnd: Date },
  root: TEditNode,
) {
  const measures: { id: number; label: string }[] = [];
  const walk = (n: TEditNode) => {
    if (n.level === "MEASURE" && !n.retired) measures.push({ id: n.id, label: `${n.code} ${n.title}` });
    n.children.forEach(walk);
  };
  walk(root);
  const rows = await listPlanReportingRules(actor, plan.id);
  const rules: TRuleItem[] = rows.map((r) => ({
    id: r.id,
    frequency: r.frequency,
    dueDay: r.dueDay,
    startDate: formatDay(r.startDate),
    endDate: formatDay(r.endDate),
    retired: r.retiredAt !== null,
    measure: r.objectiveCode ? `${r.objectiveCode} ${r.objectiveTitle ?? ""}` : null,
  }));
  const today = chinaToday();
  const start = plan.periodStart > today ? plan.periodStart : today;
  // The plan's end, or a year on when the plan's period is over.
  const end = plan.periodEnd > start ? plan.periodEnd : addDays(start, 364);
  return { measures, rules, defaults: { startDate: formatDay(start), endDate: formatDay(end) } };
}
