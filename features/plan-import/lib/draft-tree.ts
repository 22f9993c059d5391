// The tree of a plan draft and the edits the preview offers. Pure (client and server): every edit
// returns a new tree, and the server checks the result again with the same schema (schemas.ts).
import { deriveTitle, splitSentences } from "@/features/objectives/lib/report-text";
import type { TDocNode, TDocPlan } from "@/features/objectives/lib/parse-document";

export type TDraftNode = { id: string; title: string; sourceText: string; children: TDraftNode[] };
export type TDraftTree = { sourceText: string; nodes: TDraftNode[] };

/** Levels below the plan: 1 main task, 2 sub-item, 3 measure. */
export const DRAFT_MAX_DEPTH = 3;
export const DRAFT_TITLE_MAX = 200;
const NEW_MEASURE_TITLE = 30;

export function fromDocPlan(plan: TDocPlan): TDraftTree {
  let n = 0;
  const conv = (d: TDocNode): TDraftNode => ({
    id: `n${++n}`,
    title: d.title.slice(0, DRAFT_TITLE_MAX) || d.sourceText.slice(0, 20) || "—",
    sourceText: d.sourceText,
    children: d.children.map(conv),
  });
  return { sourceText: plan.sourceText, nodes: plan.children.map(conv) };
}

/** Every node with its depth (1 = main task), in document order. */
export function walk(tree: TDraftTree): { node: TDraftNode; depth: number }[] {
  const out: { node: TDraftNode; depth: number }[] = [];
  const go = (list: TDraftNode[], depth: number) => {
    for (const node of list) {
      out.push({ node, depth });
      go(node.children, depth + 1);
    }
  };
  go(tree.nodes, 1);
  return out;
}

export const countMeasures = (tree: TDraftTree) => walk(tree).filter((e) => e.depth === 3).length;

/** Depth of the deepest level of a subtree (a leaf is 1). */
const height = (n: TDraftNode): number => 1 + Math.max(0, ...n.children.map(height));

function newId(tree: TDraftTree): string {
  const max = Math.max(0, ...walk(tree).map((e) => Number(e.node.id.slice(1)) || 0));
  return `n${max + 1}`;
}

type TLoc = { list: TDraftNode[]; index: number; depth: number; parent: TDraftNode | null };

function locate(
  nodes: TDraftNode[],
  id: string,
  at = { depth: 1, parent: null as TDraftNode | null },
): TLoc | null {
  for (const [index, n] of nodes.entries()) {
    if (n.id === id) return { list: nodes, index, ...at };
    const found = locate(n.children, id, { depth: at.depth + 1, parent: n });
    if (found) return found;
  }
  return null;
}

/** Applies `fn` to a deep copy; answers the copy, or the tree unchanged when `fn` says the edit does not apply. */
function edit(tree: TDraftTree, id: string, fn: (loc: TLoc, copy: TDraftTree) => boolean): TDraftTree {
  const copy = structuredClone(tree);
  const loc = locate(copy.nodes, id);
  return loc && fn(loc, copy) ? copy : tree;
}

export type TDraftEdit =
  | { op: "rename"; id: string; title: string }
  | { op: "mergeNext"; id: string }
  | { op: "split"; id: string; at: number }
  | { op: "up" | "down" | "indent" | "outdent" | "drop"; id: string }
  | { op: "addMeasure"; id: string; title: string };

/** The sentences a node's source text splits into (the split points offered). */
export const sentencesOf = (n: TDraftNode) => splitSentences(n.sourceText);

export function applyEdit(tree: TDraftTree, e: TDraftEdit): TDraftTree {
  return edit(tree, e.id, ({ list, index, depth, parent }, copy) => {
    const node = list[index]!;
    switch (e.op) {
      case "rename": {
        const title = e.title.trim().slice(0, DRAFT_TITLE_MAX);
        if (!title) return false;
        node.title = title;
        return true;
      }
      case "mergeNext": {
        const next = list[index + 1];
        if (!next) return false;
        node.sourceText += next.sourceText;
        node.children.push(...next.children);
        list.splice(index + 1, 1);
        return true;
      }
      case "split": {
        const sentences = sentencesOf(node);
        if (e.at < 1 || e.at >= sentences.length) return false;
        const tail = sentences.slice(e.at).join("");
        node.sourceText = sentences.slice(0, e.at).join("");
        list.splice(index + 1, 0, {
          id: newId(copy),
          title: deriveTitle(tail, NEW_MEASURE_TITLE) || tail.slice(0, 20),
          sourceText: tail,
          children: [],
        });
        return true;
      }
      case "up":
      case "down": {
        const to = e.op === "up" ? index - 1 : index + 1;
        if (to < 0 || to >= list.length) return false;
        [list[index], list[to]] = [list[to]!, node];
        return true;
      }
      case "indent": {
        const prev = list[index - 1];
        if (!prev || depth + height(node) > DRAFT_MAX_DEPTH) return false;
        list.splice(index, 1);
        prev.children.push(node);
        return true;
      }
      case "outdent": {
        if (!parent) return false;
        const up = locate(copy.nodes, parent.id)!;
        list.splice(index, 1);
        up.list.splice(up.index + 1, 0, node);
        return true;
      }
      case "drop":
        list.splice(index, 1);
        return true;
      case "addMeasure": {
        const title = e.title.trim().slice(0, DRAFT_TITLE_MAX);
        if (!title || depth !== DRAFT_MAX_DEPTH - 1) return false;
        node.children.push({ id: newId(copy), title, sourceText: "", children: [] });
        return true;
      }
    }
  });
}

/** What keeps a draft from being published (beyond its plan fields): empty when none. */
export function treeProblems(tree: TDraftTree): ("noMeasure" | "tooDeep")[] {
  const all = walk(tree);
  const out: ("noMeasure" | "tooDeep")[] = [];
  if (!all.some((e) => e.depth === DRAFT_MAX_DEPTH)) out.push("noMeasure");
  if (all.some((e) => e.depth > DRAFT_MAX_DEPTH)) out.push("tooDeep");
  return out;
}
