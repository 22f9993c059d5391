import "server-only";
import { getCompletion } from "@/features/rollups/server/get-completion";
import { getIndicatorCompletion } from "@/features/indicators/server/get-indicator-completion";
import { chinaToday } from "@/lib/dates";
import { getReadDb } from "@/lib/db/read-db";
import { readMissingForCompletion } from "@/features/reporting/server/read-missing";
import { missingColumn, withMissingCells } from "@/features/reporting/server/view-missing-cells";
import { completionColumns } from "../lib/columns";
import { completionBody, completionFooter, completionNote } from "../lib/completion-table";
import { formatChinaDateTime } from "../lib/file-name";
import { indicatorColumns, withIndicatorCells } from "../lib/indicator-columns";
import { inChunks } from "../lib/sheet";
import type { TTranslate } from "../lib/translate";
import type { TBuiltExport } from "./built-export";
import type { TExportPlan } from "./export-file";

/**
 * The 完成情况 table of an org in the user's subtree (from the maintained roll-ups; a few
 * dozen rows at most, so it is built at once). Null when the org or objective is not found.
 */
export async function buildCompletionExport(
  user: { orgId: number },
  q: { orgId: number; objective?: string; plan?: TExportPlan | null; indicator?: number },
  { t, now = new Date() }: { t: TTranslate; now?: Date },
): Promise<TBuiltExport | null> {
  const scope = { orgId: q.orgId, objective: q.objective, plan: q.plan?.codePrefix };
  const [c, ind] = await Promise.all([
    getCompletion(user, { ...scope, today: chinaToday(now) }),
    q.indicator ? getIndicatorCompletion(user, { ...scope, indicatorId: q.indicator }) : null,
  ]);
  if (!c || (q.objective && !c.objective) || (q.indicator && !ind)) return null;
  // 漏报 of the plan's reporting rules (features/reporting): a column only once the plan has a rule.
  const missing = await readMissingForCompletion(await getReadDb(), c, q.plan?.codePrefix ?? null);
  const plain = { body: completionBody(c), footer: completionFooter(c, t) };
  const table = missing ? withMissingCells(missing, c, plain) : plain;
  const { body, footer } = ind ? withIndicatorCells(ind, c, table) : table;
  const titleLines = [
    t("exports.title.completion", { org: c.org.name }),
    ...(q.plan ? [t("exports.title.plan", { title: q.plan.title })] : []),
    ...(c.objective
      ? [t("exports.title.objective", { code: c.objective.code, title: c.objective.title })]
      : []),
    ...(ind
      ? [t("indicatorViews.export.title", { name: ind.indicator.name, unit: ind.indicator.unit })]
      : []),
    t("exports.title.generated", { time: formatChinaDateTime(now) }),
    completionNote(c, t),
  ];
  return {
    label: t("exports.file.completion"),
    orgName: c.org.name,
    orgCode: c.org.code,
    objectiveCode: c.objective?.code ?? q.plan?.codePrefix ?? null,
    sheet: {
      name: t("exports.sheet.completion"),
      titleLines,
      columns: [
        ...completionColumns(t),
        ...(missing ? [missingColumn(t)] : []),
        ...(ind ? indicatorColumns(t, ind.indicator.unit) : []),
      ],
      rows: inChunks(body),
      footer,
    },
  };
}
