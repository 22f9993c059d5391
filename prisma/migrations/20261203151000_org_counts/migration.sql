-- CreateTable
CREATE TABLE "OrgCount" (
    "orgId" INTEGER NOT NULL,
    "orgs" INTEGER NOT NULL DEFAULT 0,
    "users" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "OrgCount_pkey" PRIMARY KEY ("orgId")
);

-- AddForeignKey
ALTER TABLE "OrgCount" ADD CONSTRAINT "OrgCount_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Org"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Fill: every org's subtree size and active users (ancestorIds holds the org itself).
INSERT INTO "OrgCount" ("orgId", "orgs", "users")
SELECT a.id, a.orgs, COALESCE(u.users, 0)
FROM (SELECT x AS id, count(*)::int AS orgs FROM "Org" o, unnest(o."ancestorIds") x GROUP BY x) a
LEFT JOIN (
  SELECT x AS id, count(*)::int AS users
  FROM "User" u JOIN "Org" o ON o.id = u."orgId", unnest(o."ancestorIds") x
  WHERE u.active GROUP BY x
) u ON u.id = a.id;
