// `npm run admin:init`: creates the first administrators of a deployment (三员分立: 系统管理员 sysadmin,
// 安全管理员 secadmin, 安全审计员 auditor, at the national org) with random one-time passwords, printed
// once here and to be changed at the first sign-in. Refuses if any of these accounts exists.
// Run after `npm run db:setup` (migrations and orgs).
import { closePglite } from "../lib/db/adapter";
import { disconnectDb, getDb } from "../lib/db/client";
import { createFirstAdmins, FirstAdminsRefused } from "../prisma/seed/first-admins";

async function main() {
  const created = await createFirstAdmins(getDb());
  console.log("admin:init: created (each password is shown only now; it must be changed at first sign-in):");
  for (const a of created) console.log(`  ${a.role.padEnd(15)} ${a.username.padEnd(10)} ${a.password}`);
}

main()
  .catch((e) => {
    console.error(`admin:init refused: ${e instanceof FirstAdminsRefused ? e.message : "unexpected error"}`);
    if (!(e instanceof FirstAdminsRefused)) console.error(e);
    process.exitCode = 1;
  })
  .finally(async () => {
    await disconnectDb();
    await closePglite();
  });
