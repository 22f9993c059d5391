import type { ObjectiveLevel } from "@/features/objectives/lib/parse-report";
import type { TDraftTree } from "./draft-tree";

const LEVELS: readonly ObjectiveLevel[] = ["PLAN", "MAIN_TASK", "SUB_ITEM", "MEASURE"];

export type TNewObjective = {
  code: string;
  parentCode: string | null;
  level: ObjectiveLevel;
  title: string;
  sourceText: string;
  sortOrder: number;
};

/** The objectives a draft publishes as, parents first: `<prefix>`, `<prefix>.1` … `<prefix>.n.n.n` in order. */
export function draftObjectives(tree: TDraftTree, plan: { prefix: string; title: string }): TNewObjective[] {
  const out: TNewObjective[] = [
    {
      code: plan.prefix,
      parentCode: null,
      level: "PLAN",
      title: plan.title,
      sourceText: tree.sourceText,
      sortOrder: 1,
    },
  ];
  const go = (nodes: TDraftTree["nodes"], parentCode: string, depth: number) =>
    nodes.forEach((n, i) => {
      const code = `${parentCode}.${i + 1}`;
      const level = LEVELS[depth];
      if (!level) throw new Error(`draftObjectives: ${code} is too deep`);
      out.push({ code, parentCode, level, title: n.title, sourceText: n.sourceText, sortOrder: i + 1 });
      go(n.children, code, depth + 1);
    });
  go(tree.nodes, plan.prefix, 1);
  return out;
}
