// `prisma db seed` / `npm run db:setup` entry point.
import { closePglite } from "../../lib/db/adapter";
import { disconnectDb, getDb } from "../../lib/db/client";
import { wantDemoPlan } from "./demo-plan";
import { wantDemoUsers } from "./demo-users";
import { seedAll } from "./seed-all";

// Demo accounts have published passwords: only the embedded demo gets them, unless asked (SEED_DEMO_USERS=1).
const demoUsers = wantDemoUsers();
// A second plan (河北省总工会's 工作要点 of the coming year) beside the 17th report: SEED_DEMO_PLAN=1.
const demoPlan = wantDemoPlan();

async function main() {
  const started = Date.now();
  const result = await seedAll(getDb(), { demoUsers, demoPlan });
  console.log(
    `seed: ${JSON.stringify(result)} in ${Date.now() - started} ms${demoUsers ? "" : " (demo users skipped on PostgreSQL: run npm run admin:init for the first administrators)"}`,
  );
}

main()
  .catch((e) => {
    console.error("seed failed:", e instanceof Error ? e.message : e);
    process.exitCode = 1;
  })
  .finally(async () => {
    await disconnectDb();
    await closePglite();
  });
