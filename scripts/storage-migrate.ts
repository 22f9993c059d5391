// npm run storage:migrate [-- --delete-local] — copies the local evidence folder into the S3 bucket,
// verifying each file by sha256. Exit 0 all verified, 1 any failure, 2 S3 not configured.
import { runStorageMigrate } from "../features/evidence/server/run-storage-migrate";
import { closePglite } from "../lib/db/adapter";
import { disconnectDb, getDb } from "../lib/db/client";

runStorageMigrate(process.argv.slice(2), { db: getDb() })
  .then((code) => {
    process.exitCode = code;
  })
  .catch((e) => {
    console.error("storage:migrate failed:", e instanceof Error ? e.message : e);
    process.exitCode = 1;
  })
  .finally(async () => {
    await disconnectDb();
    await closePglite();
  });
