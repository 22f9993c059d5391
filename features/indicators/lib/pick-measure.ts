// Which single measure a 下达 choice stands for (pure): indicator targets are split only then.

type TNode = { id: number; code: string; level: string };
const isUnder = (code: string, ancestor: string) => code.startsWith(`${ancestor}.`);

/**
 * The id of the one measure the picked nodes stand for (a main task or sub-item means every measure
 * under it, as countPickedMeasures counts them), or null when they stand for none or several.
 */
export function singleMeasureId(nodes: readonly TNode[], pickedIds: readonly number[]): number | null {
  const picked = nodes.filter((n) => pickedIds.includes(n.id)).map((n) => n.code);
  const measures = nodes.filter(
    (n) => n.level === "MEASURE" && picked.some((p) => p === n.code || isUnder(n.code, p)),
  );
  return measures.length === 1 ? measures[0]!.id : null;
}
