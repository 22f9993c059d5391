import bcrypt from "bcryptjs";
import type pg from "pg";

// Grassroots branches under every real county, and the people who act for them, in a few
// set-based statements. Bench rows are recognisable by their codes/usernames ("…B001", "bench.").

export async function insertBranches(pool: pg.Pool, perCounty: number): Promise<number> {
  const r = await pool.query(
    `INSERT INTO "Org" (id, code, name, level, "parentId", "regionCode", "regionName", "ancestorIds", depth, "sortOrder", "updatedAt")
     SELECT s.id, c.code || 'B' || lpad(s.n::text, 3, '0'), c."regionName" || '第' || s.n || '基层工会', 'GRASSROOTS', c.id,
            c."regionCode", c."regionName", c."ancestorIds" || s.id, c.depth + 1, 1000 + s.n, now()
     FROM (SELECT nextval(pg_get_serial_sequence('"Org"', 'id'))::int AS id, c.id AS county, g.n
           FROM "Org" c CROSS JOIN generate_series(1, $1::int) AS g(n) WHERE c.level = 'COUNTY') s
     JOIN "Org" c ON c.id = s.county`,
    [perCounty],
  );
  return r.rowCount ?? 0;
}

/**
 * A chair (主席: signs, staffs, submits) and a staff member (the responsible person who logs
 * progress) per bench branch, and a manager per county (reviews, approves). They cannot sign
 * in with a known password: the hash is of a random string.
 */
export async function insertUsers(pool: pg.Pool): Promise<number> {
  const hash = await bcrypt.hash(crypto.randomUUID(), 10);
  const branches = `FROM "Org" o WHERE o.level = 'GRASSROOTS' AND o.code LIKE '%B___'`;
  const rows = await Promise.all([
    pool.query(
      `INSERT INTO "User" (username, name, "passwordHash", role, "orgId", "updatedAt")
       SELECT 'bench.c.' || o.id, '主席' || o.id, $1, 'CHAIR', o.id, now() ${branches}`,
      [hash],
    ),
    pool.query(
      `INSERT INTO "User" (username, name, "passwordHash", role, "orgId", "updatedAt")
       SELECT 'bench.s.' || o.id, '干事' || o.id, $1, 'STAFF', o.id, now() ${branches}`,
      [hash],
    ),
    pool.query(
      `INSERT INTO "User" (username, name, "passwordHash", role, "orgId", "updatedAt")
       SELECT 'bench.m.' || o.id, '经办人' || o.id, $1, 'MANAGER', o.id, now()
       FROM "Org" o WHERE o.level = 'COUNTY'`,
      [hash],
    ),
  ]);
  return rows.reduce((n, r) => n + (r.rowCount ?? 0), 0);
}
