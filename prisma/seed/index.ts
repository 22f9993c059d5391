// `prisma db seed` / `npm run db:setup` entry point.
import { closePglite } from "../../lib/db/adapter";
import { disconnectDb, getDb } from "../../lib/db/client";
import { seedAll } from "./seed-all";

// Demo accounts have published passwords: a production deployment gets them only when asked.
const demoUsers = process.env.NODE_ENV !== "production" || process.env.SEED_DEMO_USERS === "1";

async function main() {
  const started = Date.now();
  const result = await seedAll(getDb(), { demoUsers });
  console.log(
    `seed: ${JSON.stringify(result)} in ${Date.now() - started} ms${demoUsers ? "" : " (demo users skipped: production; set SEED_DEMO_USERS=1)"}`,
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
