// Which nodes of the objective picker a filter shows (pure, unit-tested).

export type TFilterable = { code: string; title: string };

const isUnder = (code: string, ancestor: string) => code.startsWith(`${ancestor}.`);

/**
 * The nodes to show for filter text `q`: every match (title contains q, or code starts with q),
 * the ancestors of a match (so it is seen in its place) and everything under a match (a matching
 * main task or sub-item shows the measures it stands for). Order is kept; an empty q shows all.
 */
export function filterObjectives<T extends TFilterable>(nodes: readonly T[], q: string): T[] {
  const text = q.trim();
  if (!text) return [...nodes];
  const matches = nodes.filter((n) => n.title.includes(text) || n.code.startsWith(text)).map((n) => n.code);
  if (matches.length === 0) return [];
  return nodes.filter((n) => matches.some((m) => m === n.code || isUnder(n.code, m) || isUnder(m, n.code)));
}

/** How many measures the picked nodes stand for (a main task or sub-item means all measures under it). */
export function countPickedMeasures(
  nodes: readonly (TFilterable & { id: number; level: string })[],
  pickedIds: readonly number[],
): number {
  const picked = nodes.filter((n) => pickedIds.includes(n.id)).map((n) => n.code);
  return nodes.filter((n) => n.level === "MEASURE" && picked.some((p) => p === n.code || isUnder(n.code, p)))
    .length;
}
