import crypto from "node:crypto";
import bcrypt from "bcryptjs";
import pg from "pg";

// The users the page timing signs in as, one per role, and the pages' ids. National and
// provincial managers are bench-only users (`bench.page.*`); the county manager, branch chair
// and staff member are the generated users of one Hebei county and one of its branches, so
// their pages show generated data. Each run sets a new random password for them.
export type TPageUser = { role: string; username: string };
export type TPageTargets = {
  password: string;
  users: TPageUser[];
  taskId: number;
  orgId: number;
  measureCode: string;
};

const PICK = `
  WITH county AS (
    SELECT o.id FROM "Org" o
    WHERE o.level = 'COUNTY' AND o.code LIKE '13%'
      AND EXISTS (SELECT 1 FROM "Org" b WHERE b."parentId" = o.id AND b.code LIKE '%B___')
    ORDER BY o.code LIMIT 1),
  branch AS (
    SELECT b.id FROM "Org" b, county WHERE b."parentId" = county.id AND b.code LIKE '%B___'
    ORDER BY b.code LIMIT 1)
  SELECT (SELECT id FROM "Org" WHERE level = 'NATIONAL' ORDER BY id LIMIT 1) AS national,
         (SELECT id FROM "Org" WHERE code = '130000') AS province,
         (SELECT id FROM county) AS county,
         (SELECT id FROM branch) AS branch,
         (SELECT t.id FROM "Task" t, branch WHERE t."orgId" = branch.id AND t.status = 'IN_PROGRESS'
          ORDER BY t.id LIMIT 1) AS task,
         (SELECT code FROM "Objective" WHERE level = 'MEASURE' ORDER BY code LIMIT 1) AS measure`;

type TPick = Record<"national" | "province" | "county" | "branch" | "task", number | null> & {
  measure: string | null;
};

export async function preparePageUsers(url: string): Promise<TPageTargets> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<TPick>(PICK);
    const p = rows[0]!;
    if (!p.national || !p.province || !p.county || !p.branch || !p.task || !p.measure)
      throw new Error(`page timing: the dataset lacks an org, task or measure (${JSON.stringify(p)})`);
    const password = crypto.randomBytes(18).toString("base64url");
    const hash = await bcrypt.hash(password, 10);
    const upsert = (username: string, role: string, orgId: number) =>
      client.query(
        `INSERT INTO "User" (username, name, "passwordHash", role, "orgId", "updatedAt")
         VALUES ($1, $1, $2, $3::"Role", $4, now())
         ON CONFLICT (username) DO UPDATE SET "passwordHash" = $2, active = true`,
        [username, hash, role, orgId],
      );
    await upsert("bench.page.national", "MANAGER", p.national);
    await upsert("bench.page.province", "MANAGER", p.province);
    const generated = [`bench.m.${p.county}`, `bench.c.${p.branch}`, `bench.s.${p.branch}`];
    const updated = await client.query(`UPDATE "User" SET "passwordHash" = $1 WHERE username = ANY($2)`, [
      hash,
      generated,
    ]);
    if (updated.rowCount !== generated.length) throw new Error("page timing: generated users missing");
    return {
      password,
      users: [
        { role: "national manager", username: "bench.page.national" },
        { role: "province manager", username: "bench.page.province" },
        { role: "county manager", username: generated[0]! },
        { role: "branch chair", username: generated[1]! },
        { role: "staff", username: generated[2]! },
      ],
      taskId: p.task,
      orgId: p.branch,
      measureCode: p.measure,
    };
  } finally {
    await client.end();
  }
}
