import "server-only";
import { orgScopeWhere } from "@/lib/auth/scope";
import { getReadDb } from "@/lib/db/read-db";

/** The org if it is inside the user's subtree, else null (out of scope reads as "not found"). */
export async function findScopedOrg(user: { orgId: number }, orgId: number) {
  return (await getReadDb()).org.findFirst({
    where: { id: orgId, ...orgScopeWhere(user) },
    select: { id: true, name: true, code: true, ancestorIds: true },
  });
}

/** The objective and the ids of its measures (itself when it is one); null when the code does not exist. */
export async function findObjectiveMeasures(code: string) {
  const db = await getReadDb();
  const objective = await db.objective.findUnique({ where: { code }, select: { code: true, title: true } });
  if (!objective) return null;
  const measures = await db.objective.findMany({
    where: { level: "MEASURE", OR: [{ code }, { code: { startsWith: `${code}.` } }] },
    select: { id: true },
  });
  return { ...objective, measureIds: measures.map((m) => m.id) };
}
