import crypto from "node:crypto";
import type { TDb } from "@/lib/db/client";
import { logProgress } from "@/features/tasks/server/log-progress";
import { reviewCompletion } from "@/features/tasks/server/review-completion";
import { submitCompletion } from "@/features/tasks/server/submit-completion";
import { actorFactory, sampleTasks, type TRushTask } from "./actors";
import { formatSummary, log, pick, rng, summarize, type TSummary } from "./stats";

// (c) The deadline rush: `clients` concurrent users, each working through its own tasks for
// `seconds`: mostly 进展填报, some 办结 submissions (chair) and 销号 approvals (county manager),
// all through the app's domain functions on one shared connection pool.
export type TRushResult = {
  seconds: number;
  ok: number;
  perSecond: number;
  progress: number;
  submits: number;
  approvals: number;
  errors: Record<string, number>;
  latency: TSummary;
};

type TOp = "progress" | "submit" | "approve";

export async function rush(
  db: TDb,
  { clients, seconds, perClient = 200 }: { clients: number; seconds: number; perClient?: number },
): Promise<TRushResult> {
  const actors = await actorFactory(db);
  const tasks = await sampleTasks(db, clients * perClient, (Date.now() + 1) % 1_000_000);
  const counts: Record<TOp, number> = { progress: 0, submit: 0, approve: 0 };
  const errors: Record<string, number> = {};
  const latencies: number[] = [];

  const client = async (c: number, end: number) => {
    const open = tasks.filter((_, i) => i % clients === c);
    const submitted: TRushTask[] = [];
    const r = rng(1000 + c);
    while (Date.now() < end && (open.length || submitted.length)) {
      const x = r();
      const op: TOp =
        submitted.length && x < 0.05
          ? "approve"
          : open.length && x < 0.15
            ? "submit"
            : open.length
              ? "progress"
              : "approve";
      const t = op === "approve" ? submitted.shift()! : pick(open, r);
      const t0 = performance.now();
      try {
        if (op === "progress") {
          const percent = Math.min(100, t.progress + 1 + Math.floor(r() * 5));
          await logProgress(actors.staff(t), {
            taskId: t.id,
            version: t.version,
            clientToken: crypto.randomUUID(),
            percent,
            state: "NORMAL",
            narrative: "截止前补报进展",
            attachmentIds: [],
          });
          t.progress = percent;
        } else if (op === "submit") {
          await submitCompletion(actors.chair(t), {
            taskId: t.id,
            version: t.version,
            clientToken: crypto.randomUUID(),
            summary: "已按要求完成，材料已上传",
            attachmentIds: [],
          });
          open.splice(open.indexOf(t), 1);
          submitted.push(t);
        } else {
          await reviewCompletion(actors.manager(t), {
            taskId: t.id,
            version: t.version,
            decision: "APPROVED",
          });
        }
        t.version++;
        counts[op]++;
        latencies.push(performance.now() - t0);
      } catch (e) {
        const code = `${op}:${(e as { code?: string }).code ?? (e as Error).message?.slice(0, 60)}`;
        errors[code] = (errors[code] ?? 0) + 1;
        if (op !== "approve") open.splice(open.indexOf(t), 1); // leave a task that failed alone
      }
    }
  };

  log(`rush: ${clients} clients × ${seconds} s on ${tasks.length} tasks`);
  const start = performance.now();
  await Promise.all(Array.from({ length: clients }, (_, c) => client(c, Date.now() + seconds * 1000)));
  const elapsed = (performance.now() - start) / 1000;
  const ok = counts.progress + counts.submit + counts.approve;
  const latency = summarize(latencies);
  log(
    `rush: ${ok} writes in ${elapsed.toFixed(1)} s = ${(ok / elapsed).toFixed(0)}/s ` +
      `(${counts.progress} progress, ${counts.submit} submissions, ${counts.approve} approvals); ` +
      `errors ${JSON.stringify(errors)}`,
  );
  log(formatSummary("rush write latency (all kinds)", latency));
  return {
    seconds: elapsed,
    ok,
    perSecond: ok / elapsed,
    progress: counts.progress,
    submits: counts.submit,
    approvals: counts.approve,
    errors,
    latency,
  };
}
