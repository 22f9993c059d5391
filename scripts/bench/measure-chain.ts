import crypto from "node:crypto";
import { resolvePermissions } from "@/lib/auth/permissions";
import type { TDb } from "@/lib/db/client";
import type { TTaskActor } from "@/features/tasks/lib/task-permissions";
import { ZAssignTasks } from "@/features/tasks/schemas";
import { assignTasks } from "@/features/tasks/server/assign-tasks";
import { logProgress } from "@/features/tasks/server/log-progress";
import { signTask } from "@/features/tasks/server/sign-task";
import { formatDay, addDays } from "@/lib/dates";
import { formatSummary, log, summarize, timed, type TSummary } from "./stats";

// (b') 进展填报 on tasks that were passed down (分解): the generated tasks are all held by branches
// and assigned directly, so this sets up chains first, through the app's own functions: a county
// gets a measure from its province, signs it and passes it to its branches that do not hold it
// yet; the branches sign. Each submission then locks the chain, writes the task and re-derives
// the county task's progress in the same statement. The drift check afterwards covers the chains.
type TChild = { id: number; version: number; progress: number; orgId: number; chair: number };

async function setUpChains(db: TDb, counties: number): Promise<TChild[]> {
  const rows = await db.rolePermission.findMany();
  const as = (id: number, orgId: number, role: "MANAGER" | "CHAIR"): TTaskActor => ({
    id,
    orgId,
    permissions: resolvePermissions(rows, role),
  });
  // Counties with a measure they do not hold yet, and their manager; a new measure on every run.
  const picked = await db.$queryRaw<{ county: number; province: number; manager: number; measure: number }[]>`
    SELECT o.id AS county, o."ancestorIds"[2] AS province, m.id AS manager, mm.id AS measure
    FROM "Org" o JOIN "User" m ON m.username = 'bench.m.' || o.id
    CROSS JOIN LATERAL (SELECT ob.id FROM "Objective" ob WHERE ob.level = 'MEASURE'
      AND NOT EXISTS (SELECT 1 FROM "Task" t WHERE t."orgId" = o.id AND t."objectiveId" = ob.id)
      ORDER BY hashint4(ob.id + o.id) LIMIT 1) mm
    WHERE o.level = 'COUNTY'
    ORDER BY hashint4(o.id) LIMIT ${counties}`;
  const due = formatDay(addDays(new Date(), 60));
  for (const p of picked) {
    const assign = (actor: TTaskActor, over: Record<string, unknown>) =>
      assignTasks(actor, ZAssignTasks.parse({ clientToken: crypto.randomUUID(), dueDate: due, ...over }));
    await assign(as(p.manager, p.province, "MANAGER"), {
      objectiveIds: [p.measure],
      target: { mode: "orgs", orgIds: [p.county] },
    });
    const own = await db.task.findFirstOrThrow({ where: { orgId: p.county, objectiveId: p.measure } });
    await signTask(as(p.manager, p.county, "MANAGER"), { taskId: own.id, version: own.version });
    await assign(as(p.manager, p.county, "MANAGER"), {
      parentTaskId: own.id,
      objectiveIds: [p.measure],
      target: { mode: "level", level: "GRASSROOTS", underOrgId: p.county },
    });
  }
  const children = await db.$queryRaw<TChild[]>`
    SELECT t.id, t.version, t.progress, t."orgId", c.id AS chair
    FROM "Task" t JOIN "Task" p ON p.id = t."parentTaskId" JOIN "User" c ON c.username = 'bench.c.' || t."orgId"
    JOIN unnest(${picked.map((p) => p.county)}::int[], ${picked.map((p) => p.measure)}::int[]) AS x(county, measure)
      ON p."orgId" = x.county AND p."objectiveId" = x.measure
    WHERE t.status = 'PENDING_SIGN'`;
  for (const c of children) {
    await signTask(as(c.chair, c.orgId, "CHAIR"), { taskId: c.id, version: c.version });
    c.version++;
  }
  log(`chains: ${picked.length} counties passed a measure down to ${children.length} branch tasks`);
  return children;
}

export async function measureChainWrites(db: TDb, iterations: number): Promise<TSummary> {
  const children = await setUpChains(db, 20);
  if (children.length === 0) throw new Error("no chains could be set up");
  const perms = resolvePermissions(await db.rolePermission.findMany(), "CHAIR");
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const c = children[i % children.length]!;
    const percent = Math.min(100, Math.floor(c.progress) + 1 + (i % 7));
    const [ms] = await timed(() =>
      logProgress(
        { id: c.chair, orgId: c.orgId, permissions: perms },
        {
          taskId: c.id,
          version: c.version,
          clientToken: crypto.randomUUID(),
          percent,
          state: "NORMAL",
          narrative: "分解后按计划推进",
          attachmentIds: [],
        },
      ),
    );
    c.version++;
    c.progress = percent;
    if (i >= 10) samples.push(ms); // the first few warm up
  }
  const s = summarize(samples);
  log(formatSummary("progress on a task passed down", s));
  return s;
}
