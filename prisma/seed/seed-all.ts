import type { TDb } from "../../lib/db/client";
import { rebuildOrgCounts } from "../../features/organizations/server/org-counts";
import { seedDemoPlan } from "./demo-plan";
import { seedDemoUsers } from "./demo-users";
import { seedIndicators } from "./indicators";
import { seedObjectives } from "./objectives";
import { seedOrgs } from "./orgs";

export type TSeedOptions = { demoUsers: boolean; demoPlan?: boolean };

/**
 * Idempotent: safe to run on a non-empty database; nothing is duplicated or removed. The role →
 * permission table is not seeded: a migration writes it once, and then it is the 安全管理员's.
 */
export async function seedAll(db: TDb, opts: TSeedOptions) {
  const orgs = await seedOrgs(db);
  const objectives = (await seedObjectives(db)) + (opts.demoPlan ? await seedDemoPlan(db) : 0);
  await seedIndicators(db);
  const users = opts.demoUsers ? await seedDemoUsers(db) : 0;
  await rebuildOrgCounts(db);
  return { objectives, orgs, users };
}
