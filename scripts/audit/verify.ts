// npm run audit:verify — walks the audit trail's hash chain; exits 1 and names the first broken row.
import { closePglite } from "../../lib/db/adapter";
import { disconnectDb, getDb } from "../../lib/db/client";
import { verifyAuditChain } from "../../lib/audit/verify";

async function main() {
  const report = await verifyAuditChain(getDb());
  if (report.ok) {
    console.log(`audit:verify: chain intact (${report.checked} rows)`);
    return;
  }
  const why =
    report.reason === "hash" ? "its fields do not match its hash" : "it does not follow the row before";
  console.error(
    `audit:verify: BROKEN at AuditEvent id ${report.brokenId}: ${why} (${report.checked} rows intact before it)`,
  );
  process.exitCode = 1;
}

main()
  .catch((e) => {
    console.error("audit:verify failed:", e instanceof Error ? e.message : e);
    process.exitCode = 2;
  })
  .finally(async () => {
    await disconnectDb();
    await closePglite();
  });
