// Pure helpers for the objective hierarchy (unit-tested).
export type TObjectiveRow = {
  id: number;
  code: string;
  level: string;
  parentId: number | null;
  title: string;
  sortOrder: number;
};
export type TObjectiveNode = TObjectiveRow & { children: TObjectiveNode[]; measureCount: number };

/** Nests flat rows by parentId, children sorted by sortOrder, with measure counts per subtree. */
export function buildObjectiveTree(rows: readonly TObjectiveRow[]): TObjectiveNode[] {
  const nodes = new Map<number, TObjectiveNode>();
  for (const r of rows) nodes.set(r.id, { ...r, children: [], measureCount: 0 });
  const roots: TObjectiveNode[] = [];
  for (const n of nodes.values()) {
    const parent = n.parentId === null ? undefined : nodes.get(n.parentId);
    (parent ? parent.children : roots).push(n);
  }
  const finish = (list: TObjectiveNode[]): number => {
    list.sort((a, b) => a.sortOrder - b.sortOrder);
    let total = 0;
    for (const n of list) {
      n.measureCount = n.level === "MEASURE" ? 1 : finish(n.children);
      total += n.measureCount;
    }
    return total;
  };
  finish(roots);
  return roots;
}

/** The codes of a node's ancestors, root first: "3.2.1.4" → ["3", "3.2", "3.2.1"]. */
export function ancestorCodes(code: string): string[] {
  const parts = code.split(".");
  return parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join("."));
}
