-- AlterTable
ALTER TABLE "Task" ADD COLUMN IF NOT EXISTS "countFrom" INTEGER NOT NULL DEFAULT 0,
ALTER COLUMN "progress" SET DEFAULT 0,
ALTER COLUMN "progress" SET DATA TYPE DOUBLE PRECISION;

-- AlterTable
ALTER TABLE "Rollup" ALTER COLUMN "progressSum" SET DEFAULT 0,
ALTER COLUMN "progressSum" SET DATA TYPE DECIMAL(20,6);

-- AlterTable
ALTER TABLE "RollupSnapshot" ALTER COLUMN "progressSum" SET DATA TYPE DECIMAL(20,6);


-- The trend history: the snapshots counted a passed-down task also in the regions at and above
-- its parent's holder. Take each such task's state on the snapshot's day back out, read from its
-- timeline (status, approval day, last recorded progress). Only tasks whose countFrom is still 0,
-- and in the statement that sets it.
WITH moved AS (
  SELECT s."orgId", s.day, x.status, x."approvedOn", x.progress, c."dueDate"
  FROM "Task" c
  JOIN "Task" pt ON pt.id = c."parentTaskId"
  JOIN "RollupSnapshot" s ON s."orgId" = ANY(c."orgPath"[1:cardinality(pt."orgPath")])
  CROSS JOIN LATERAL (
    SELECT
      (SELECT e."toStatus"::text FROM "TaskEvent" e
        WHERE e."taskId" = c.id AND e."toStatus" IS NOT NULL
          AND (e."createdAt" AT TIME ZONE 'UTC' AT TIME ZONE 'Asia/Shanghai')::date <= s.day
        ORDER BY e."createdAt" DESC, e.id DESC LIMIT 1) AS status,
      (SELECT (e."createdAt" AT TIME ZONE 'UTC' AT TIME ZONE 'Asia/Shanghai')::date FROM "TaskEvent" e
        WHERE e."taskId" = c.id AND e.type = 'APPROVED'
          AND (e."createdAt" AT TIME ZONE 'UTC' AT TIME ZONE 'Asia/Shanghai')::date <= s.day
        ORDER BY e."createdAt" DESC, e.id DESC LIMIT 1) AS "approvedOn",
      (SELECT (e.changes -> 'progress' ->> 1)::float8 FROM "TaskEvent" e
        WHERE e."taskId" = c.id AND e.changes -> 'progress' IS NOT NULL
          AND (e."createdAt" AT TIME ZONE 'UTC' AT TIME ZONE 'Asia/Shanghai')::date <= s.day
        ORDER BY e."createdAt" DESC, e.id DESC LIMIT 1) AS progress
  ) x
  WHERE c."countFrom" = 0 AND x.status IS NOT NULL AND x.status <> 'CANCELLED'
), per AS (
  SELECT "orgId", day, count(*)::int AS total,
    count(*) FILTER (WHERE status = 'COMPLETED')::int AS completed,
    count(*) FILTER (WHERE status = 'COMPLETED' AND "approvedOn" <= "dueDate")::int AS "completedOnTime",
    count(*) FILTER (WHERE status <> 'COMPLETED' AND "dueDate" < day)::int AS overdue,
    sum(CASE WHEN status = 'COMPLETED' THEN 100 ELSE COALESCE(progress, 0) END)::numeric AS "progressSum"
  FROM moved GROUP BY "orgId", day
)
, snap AS (
  UPDATE "RollupSnapshot" s SET
    total = s.total - per.total, completed = s.completed - per.completed,
    "completedOnTime" = s."completedOnTime" - per."completedOnTime", overdue = s.overdue - per.overdue,
    "progressSum" = GREATEST(s."progressSum" - per."progressSum", 0)
  FROM per WHERE s."orgId" = per."orgId" AND s.day = per.day
  RETURNING 1
)
-- In the same statement, so that a re-run after a failure cannot correct the history twice: each
-- assignment chain counts once per region, a task passed down (分解) only in the regions below its
-- parent task's holder.
UPDATE "Task" c SET "countFrom" = cardinality(p."orgPath")
FROM "Task" p WHERE c."parentTaskId" = p.id AND c."countFrom" = 0;

-- A parent's progress is the exact mean of its children (6 decimal places), deepest holders
-- first (a county's path has 4 orgs, a province's 2: branches pass nothing down and the root
-- holds nothing) so that a parent reads its children's new values. No DO block: prisma migrate
-- deploy splits the script at semicolons.
UPDATE "Task" p SET progress = s.v
FROM (
  SELECT c."parentTaskId" AS id,
    round(avg(CASE WHEN c.status = 'COMPLETED' THEN 100 ELSE c.progress END)::numeric, 6)::float8 AS v
  FROM "Task" c WHERE c."parentTaskId" IS NOT NULL AND c.status <> 'CANCELLED'
  GROUP BY c."parentTaskId"
) s
WHERE p.id = s.id AND cardinality(p."orgPath") = 4 AND p.status NOT IN ('COMPLETED', 'CANCELLED');

UPDATE "Task" p SET progress = s.v
FROM (
  SELECT c."parentTaskId" AS id,
    round(avg(CASE WHEN c.status = 'COMPLETED' THEN 100 ELSE c.progress END)::numeric, 6)::float8 AS v
  FROM "Task" c WHERE c."parentTaskId" IS NOT NULL AND c.status <> 'CANCELLED'
  GROUP BY c."parentTaskId"
) s
WHERE p.id = s.id AND cardinality(p."orgPath") = 3 AND p.status NOT IN ('COMPLETED', 'CANCELLED');

UPDATE "Task" p SET progress = s.v
FROM (
  SELECT c."parentTaskId" AS id,
    round(avg(CASE WHEN c.status = 'COMPLETED' THEN 100 ELSE c.progress END)::numeric, 6)::float8 AS v
  FROM "Task" c WHERE c."parentTaskId" IS NOT NULL AND c.status <> 'CANCELLED'
  GROUP BY c."parentTaskId"
) s
WHERE p.id = s.id AND cardinality(p."orgPath") = 2 AND p.status NOT IN ('COMPLETED', 'CANCELLED');


-- The maintained roll-ups under the new rule (features/rollups/server/rebuild.ts does the same).
DELETE FROM "RollupDue";
DELETE FROM "Rollup";
INSERT INTO "Rollup" ("orgId", "objectiveId", "mainTaskId", "overdueAsOf", "pendingSign", "handedBack", "inProgress",
  "submitted", "completed", "completedOnTime", "progressSum", "openDueBefore")
SELECT a.org, t."objectiveId", min(t."mainTaskId"), (now() AT TIME ZONE 'Asia/Shanghai')::date,
  count(*) FILTER (WHERE t.status = 'PENDING_SIGN'),
  count(*) FILTER (WHERE t.status = 'HANDED_BACK'),
  count(*) FILTER (WHERE t.status = 'IN_PROGRESS'),
  count(*) FILTER (WHERE t.status = 'SUBMITTED'),
  count(*) FILTER (WHERE t.status = 'COMPLETED'),
  count(*) FILTER (WHERE t.status = 'COMPLETED'
    AND (t."completedAt" AT TIME ZONE 'UTC' AT TIME ZONE 'Asia/Shanghai')::date <= t."dueDate"),
  COALESCE(sum(CASE WHEN t.status = 'COMPLETED' THEN 100 WHEN t.status = 'CANCELLED' THEN 0 ELSE t.progress END), 0),
  count(*) FILTER (WHERE t.status IN ('PENDING_SIGN', 'HANDED_BACK', 'IN_PROGRESS', 'SUBMITTED')
    AND t."dueDate" < (now() AT TIME ZONE 'Asia/Shanghai')::date)
FROM "Task" t
CROSS JOIN LATERAL unnest(t."orgPath"[t."countFrom" + 1:]) AS a(org)
JOIN "Org" ro ON ro.id = a.org AND ro.level IN ('PROVINCE', 'CITY', 'COUNTY')
GROUP BY a.org, t."objectiveId"
HAVING count(*) FILTER (WHERE t.status <> 'CANCELLED') > 0
ORDER BY a.org, t."objectiveId";
INSERT INTO "RollupDue" ("orgId", "objectiveId", "dueDate", "open")
SELECT a.org, t."objectiveId", t."dueDate", count(*)
FROM "Task" t
CROSS JOIN LATERAL unnest(t."orgPath"[t."countFrom" + 1:]) AS a(org)
JOIN "Org" ro ON ro.id = a.org AND ro.level IN ('PROVINCE', 'CITY', 'COUNTY')
WHERE t.status IN ('PENDING_SIGN', 'HANDED_BACK', 'IN_PROGRESS', 'SUBMITTED')
GROUP BY a.org, t."objectiveId", t."dueDate"
ORDER BY a.org, t."objectiveId", t."dueDate";
