import "server-only";
import { getCompletion } from "@/features/rollups/server/get-completion";
import { chinaToday } from "@/lib/dates";
import { completionColumns } from "../lib/columns";
import { completionBody, completionFooter, completionNote } from "../lib/completion-table";
import { formatChinaDateTime } from "../lib/file-name";
import { inChunks } from "../lib/sheet";
import type { TTranslate } from "../lib/translate";
import type { TBuiltExport } from "./built-export";

/**
 * The 完成情况 table of an org in the user's subtree (from the maintained roll-ups; a few
 * dozen rows at most, so it is built at once). Null when the org or objective is not found.
 */
export async function buildCompletionExport(
  user: { orgId: number },
  q: { orgId: number; objective?: string },
  { t, now = new Date() }: { t: TTranslate; now?: Date },
): Promise<TBuiltExport | null> {
  const c = await getCompletion(user, { orgId: q.orgId, objective: q.objective, today: chinaToday(now) });
  if (!c || (q.objective && !c.objective)) return null;
  const titleLines = [
    t("exports.title.completion", { org: c.org.name }),
    ...(c.objective
      ? [t("exports.title.objective", { code: c.objective.code, title: c.objective.title })]
      : []),
    t("exports.title.generated", { time: formatChinaDateTime(now) }),
    completionNote(c, t),
  ];
  return {
    label: t("exports.file.completion"),
    orgName: c.org.name,
    orgCode: c.org.code,
    objectiveCode: c.objective?.code ?? null,
    sheet: {
      name: t("exports.sheet.completion"),
      titleLines,
      columns: completionColumns(t),
      rows: inChunks(completionBody(c)),
      footer: completionFooter(c, t),
    },
  };
}
