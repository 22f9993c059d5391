import "server-only";
import { orgScopeWhere, userScopeWhere } from "@/lib/auth/scope";
import { getDb } from "@/lib/db/client";

/** Headline numbers for the home page, all within the user's subtree. */
export async function getHomeStats(user: { orgId: number }) {
  const db = getDb();
  const [orgs, users, mainTasks, measures, children] = await Promise.all([
    db.org.count({ where: orgScopeWhere(user) }),
    db.user.count({ where: { ...userScopeWhere(user), active: true } }),
    db.objective.count({ where: { level: "MAIN_TASK" } }),
    db.objective.count({ where: { level: "MEASURE" } }),
    db.org.findMany({
      where: { parentId: user.orgId },
      select: { id: true, name: true, code: true, level: true, _count: { select: { children: true } } },
      orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
      take: 12,
    }),
  ]);
  return { orgs: orgs - 1, users, mainTasks, measures, children };
}
