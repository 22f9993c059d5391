import type pg from "pg";
import { u } from "./sql";

// What the tasks went through, for a task id range [lo, hi): progress reports (进展填报) of every
// signed task, completion reports of submitted and completed ones, and the full timeline of
// every tenth task (the rest have none: the timeline is read per task, its volume matters little).
const NARRATIVES = [
  "已召开专题会议部署落实",
  "已完成阶段性工作，正在推进",
  "已走访职工收集意见建议",
  "已制定实施方案并分解任务",
  "已完成主要工作，正在总结",
];

const progressSql = `
  INSERT INTO "ProgressUpdate" ("taskId", "authorId", percent, state, narrative, "clientToken", "createdAt")
  SELECT t.id, t."responsibleId",
    CASE WHEN i = n.n THEN t.progress ELSE t.progress * i / n.n END,
    CASE WHEN i = n.n THEN t."progressState" ELSE 'NORMAL' END,
    ($3::text[])[1 + floor(${u("t.id * 8 + i", 30)} * cardinality($3::text[]))::int],
    'bench-p-' || t.id || '-' || i,
    t."signedAt" + (t."lastProgressAt" - t."signedAt") * i / n.n
  FROM "Task" t
  CROSS JOIN LATERAL (SELECT CASE WHEN t.status = 'IN_PROGRESS' THEN (t.progress > 0)::int + (t.progress > 50)::int
    WHEN t.status IN ('SUBMITTED', 'COMPLETED') THEN 2 ELSE 0 END AS n) n
  CROSS JOIN LATERAL generate_series(1, n.n) AS i
  WHERE t.id >= $1 AND t.id < $2 AND t."lastProgressAt" IS NOT NULL`;

const reportSql = `
  INSERT INTO "CompletionReport" ("taskId", summary, "submittedById", "clientToken", "createdAt", decision, "decidedById", "decidedAt")
  SELECT t.id, '已按要求完成，相关佐证材料已上传', coalesce(c.id, t."responsibleId"), 'bench-r-' || t.id, t."submittedAt",
    CASE WHEN t.status = 'COMPLETED' THEN 'APPROVED'::"ReviewDecision" END,
    CASE WHEN t.status = 'COMPLETED' THEN coalesce(m.id, t."createdById") END, t."completedAt"
  FROM "Task" t
  -- A county's task has no chair and its city no bench manager: its manager submits, the creator decides.
  LEFT JOIN "User" c ON c.username = 'bench.c.' || t."orgId"
  LEFT JOIN "User" m ON m.username = 'bench.m.' || t."reviewOrgId"
  WHERE t.id >= $1 AND t.id < $2 AND t.status IN ('SUBMITTED', 'COMPLETED')`;

const eventSql = `
  INSERT INTO "TaskEvent" ("taskId", "actorId", type, "fromStatus", "toStatus", message, "createdAt")
  SELECT t.id, e.actor, e.type::"TaskEventType", e.from_s::"TaskStatus", e.to_s::"TaskStatus", e.msg, e.at
  FROM "Task" t
  CROSS JOIN LATERAL (VALUES
    (t."createdById", t.kind::text, NULL, CASE WHEN t.kind = 'CLAIMED' THEN 'IN_PROGRESS' ELSE 'PENDING_SIGN' END, NULL, t."createdAt"),
    (t."responsibleId", CASE WHEN t.kind = 'ASSIGNED' AND t."signedAt" IS NOT NULL THEN 'SIGNED' END, 'PENDING_SIGN', 'IN_PROGRESS', NULL, t."signedAt"),
    (t."responsibleId", CASE WHEN t."submittedAt" IS NOT NULL THEN 'SUBMITTED' END, 'IN_PROGRESS', 'SUBMITTED', NULL, t."submittedAt"),
    (t."createdById", CASE WHEN t.status = 'COMPLETED' THEN 'APPROVED' END, 'SUBMITTED', 'COMPLETED', NULL, t."completedAt"),
    (NULL, CASE WHEN t.status = 'HANDED_BACK' THEN 'HANDED_BACK' END, 'PENDING_SIGN', 'HANDED_BACK', t."lastReason", t."updatedAt"),
    (t."createdById", CASE WHEN t.status = 'CANCELLED' THEN 'CANCELLED' END, NULL, 'CANCELLED', '任务调整', t."updatedAt")
  ) AS e(actor, type, from_s, to_s, msg, at)
  WHERE t.id >= $1 AND t.id < $2 AND t.id % 10 = 0 AND e.type IS NOT NULL`;

export async function insertHistory(
  pool: pg.Pool,
  lo: number,
  hi: number,
): Promise<{ progress: number; reports: number; events: number }> {
  const p = await pool.query(progressSql, [lo, hi, NARRATIVES]);
  const r = await pool.query(reportSql, [lo, hi]);
  const e = await pool.query(eventSql, [lo, hi]);
  return { progress: p.rowCount ?? 0, reports: r.rowCount ?? 0, events: e.rowCount ?? 0 };
}
