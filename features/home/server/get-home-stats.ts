import "server-only";
import { withChildCounts } from "@/features/organizations/server/child-counts";
import { readOrgCounts } from "@/features/organizations/server/org-counts";
import { getDb } from "@/lib/db/client";

/**
 * Headline numbers for the home page, all within the user's subtree (orgs and users kept in
 * OrgCount); main tasks and live measures of the current plan (`planId`).
 */
export async function getHomeStats(user: { orgId: number }, planId?: number) {
  const db = getDb();
  const plan = planId === undefined ? {} : { planId };
  const [counts, mainTasks, measures, children] = await Promise.all([
    readOrgCounts(db, user.orgId),
    db.objective.count({ where: { level: "MAIN_TASK", ...plan } }),
    db.objective.count({ where: { level: "MEASURE", retiredAt: null, ...plan } }),
    db.org.findMany({
      where: { parentId: user.orgId },
      select: { id: true, name: true, code: true, level: true },
      orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
      take: 12,
    }),
  ]);
  return {
    orgs: counts.orgs,
    users: counts.users,
    mainTasks,
    measures,
    children: await withChildCounts(db, children),
  };
}
