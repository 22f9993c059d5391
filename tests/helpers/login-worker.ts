// A second app instance for tests/integration/login-limits.test.ts: a separate process with its own
// Prisma client on the same database (DATABASE_URL), signing in through the same function.
// Usage: tsx --conditions=react-server tests/helpers/login-worker.ts '<json list of attempts>'
// Each attempt is { username, password, ip }; prints one JSON array of booleans (signed in or not).
import { verifyCredentials } from "@/features/auth/server/verify-credentials";
import { LOGIN_SLOWDOWN } from "@/lib/auth/throttle";
import { disconnectDb } from "@/lib/db/client";

async function main() {
  LOGIN_SLOWDOWN.maxMs = 0;
  const attempts = JSON.parse(process.argv[2] ?? "[]") as {
    username: string;
    password: string;
    ip: string;
  }[];
  const results: boolean[] = [];
  for (const a of attempts)
    results.push((await verifyCredentials(a, { ip: a.ip, userAgent: "worker" })) !== null);
  console.log(JSON.stringify(results));
}

main()
  .catch((e) => {
    console.error(e);
    process.exitCode = 1;
  })
  .finally(disconnectDb);
