import type { TDb } from "../../lib/db/client";
import { rebuildOrgCounts } from "../../features/organizations/server/org-counts";
import { seedDemoUsers } from "./demo-users";
import { seedObjectives } from "./objectives";
import { seedOrgs } from "./orgs";
import { seedPermissions } from "./permissions";

export type TSeedOptions = { demoUsers: boolean };

/** Idempotent: safe to run on a non-empty database; nothing is duplicated or removed. */
export async function seedAll(db: TDb, opts: TSeedOptions) {
  const permissions = await seedPermissions(db);
  const orgs = await seedOrgs(db);
  const objectives = await seedObjectives(db);
  const users = opts.demoUsers ? await seedDemoUsers(db) : 0;
  await rebuildOrgCounts(db);
  return { permissions, objectives, orgs, users };
}
