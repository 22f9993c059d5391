import { usingPostgres } from "../../lib/db/adapter";
import { hashPassword } from "../../lib/auth/password";
import type { TRole } from "../../lib/auth/permissions";
import type { TDb } from "../../lib/db/client";

/** Demo only: every demo account uses this password (listed in the README). */
export const DEMO_PASSWORD = "Demo@2026";

export type TDemoUser = { username: string; name: string; role: TRole; orgCode: string };

// One account per role at every level, in two provinces (河北, 湖北) so that
// cross-region access can be demonstrated and tested.
export const DEMO_USERS: readonly TDemoUser[] = [
  { username: "admin", name: "系统管理员", role: "ADMIN", orgCode: "000000" },
  // 三员分立: the other two administrators (demo only, like every account here).
  { username: "secadmin", name: "安全管理员", role: "SECURITY_ADMIN", orgCode: "000000" },
  { username: "auditor", name: "安全审计员", role: "AUDITOR", orgCode: "000000" },
  { username: "acftu", name: "全总督办员", role: "MANAGER", orgCode: "000000" },
  { username: "hebei", name: "河北省总工会督办员", role: "MANAGER", orgCode: "130000" },
  { username: "hubei", name: "湖北省总工会督办员", role: "MANAGER", orgCode: "420000" },
  { username: "shijiazhuang", name: "石家庄市总工会督办员", role: "MANAGER", orgCode: "130100" },
  { username: "wuhan", name: "武汉市总工会督办员", role: "MANAGER", orgCode: "420100" },
  { username: "zhengding", name: "正定县总工会督办员", role: "MANAGER", orgCode: "130123" },
  { username: "zhengding.chair", name: "正定县总工会主席", role: "CHAIR", orgCode: "130123" },
  { username: "zhengding.staff", name: "正定县总工会干部", role: "STAFF", orgCode: "130123" },
  { username: "wuchang", name: "武昌区总工会督办员", role: "MANAGER", orgCode: "420106" },
  { username: "hengda.chair", name: "恒达机械工会主席", role: "CHAIR", orgCode: "1301230001" },
  { username: "hengda.staff", name: "恒达机械工会干部", role: "STAFF", orgCode: "1301230001" },
  { username: "wuchang.chair", name: "武昌区基层工会主席", role: "CHAIR", orgCode: "4201060001" },
  { username: "wuchang.staff", name: "武昌区基层工会干部", role: "STAFF", orgCode: "4201060001" },
];

/**
 * Whether the demo accounts (published password) are seeded: on the embedded PGlite demo, or when
 * SEED_DEMO_USERS=1 (tests, e2e). Never on a PostgreSQL deployment by default, whatever NODE_ENV says;
 * SEED_DEMO_USERS=0 turns them off on PGlite too.
 */
export function wantDemoUsers(
  env: Record<string, string | undefined> = process.env,
  postgres = usingPostgres(),
): boolean {
  if (env.SEED_DEMO_USERS === "1") return true;
  if (env.SEED_DEMO_USERS === "0") return false;
  return !postgres;
}

/** Creates missing demo accounts; existing accounts (and changed passwords) are left alone. */
export async function seedDemoUsers(db: TDb, users: readonly TDemoUser[] = DEMO_USERS): Promise<number> {
  const existing = new Set(
    (
      await db.user.findMany({
        where: { username: { in: users.map((u) => u.username) } },
        select: { username: true },
      })
    ).map((u) => u.username),
  );
  const todo = users.filter((u) => !existing.has(u.username));
  if (todo.length === 0) return 0;
  const orgs = new Map(
    (
      await db.org.findMany({
        where: { code: { in: todo.map((u) => u.orgCode) } },
        select: { id: true, code: true },
      })
    ).map((o) => [o.code, o.id]),
  );
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const data = todo.map((u) => {
    const orgId = orgs.get(u.orgCode);
    if (orgId === undefined) throw new Error(`demo user ${u.username}: org ${u.orgCode} missing`);
    return { username: u.username, name: u.name, role: u.role, orgId, passwordHash };
  });
  const res = await db.user.createMany({ data, skipDuplicates: true });
  return res.count;
}
