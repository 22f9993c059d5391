// npm run audit:prune -- --days N — deletes audit rows older than N days (N ≥ 180), never younger ones.
import { parseArgs } from "node:util";
import { AUDIT_RETENTION_DAYS, pruneAudit } from "../../lib/audit/prune";
import { closePglite } from "../../lib/db/adapter";
import { disconnectDb, getDb } from "../../lib/db/client";

async function main() {
  const { values } = parseArgs({ options: { days: { type: "string" } } });
  const days = Number(values.days);
  if (!values.days || !/^\d+$/.test(values.days) || days < AUDIT_RETENTION_DAYS) {
    console.error(`usage: npm run audit:prune -- --days N   (N ≥ ${AUDIT_RETENTION_DAYS})`);
    process.exitCode = 2;
    return;
  }
  const { deleted, before } = await pruneAudit(getDb(), days);
  console.log(`audit:prune: deleted ${deleted} row(s) older than ${before.toISOString()}`);
}

main()
  .catch((e) => {
    console.error("audit:prune failed:", e instanceof Error ? e.message : e);
    process.exitCode = 1;
  })
  .finally(async () => {
    await disconnectDb();
    await closePglite();
  });
