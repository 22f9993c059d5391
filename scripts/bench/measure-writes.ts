import crypto from "node:crypto";
import type { TDb } from "@/lib/db/client";
import { logProgress } from "@/features/tasks/server/log-progress";
import { actorFactory, sampleTasks } from "./actors";
import { formatSummary, log, rng, summarize, timed, type TSummary } from "./stats";

// (b) One 进展填报 at a time through the app's real domain function: scope + permission +
// version check, the task update, the ProgressUpdate and TaskEvent rows and the roll-up delta
// of every org above the task, in one transaction.
export type TWriteResult = TSummary & { nodeCpuMs: number };

/** Latencies, and the CPU time the Node process spent per submission (the ORM's share of the cost). */
export async function measureWrites(db: TDb, iterations: number): Promise<TWriteResult> {
  const actors = await actorFactory(db);
  const tasks = await sampleTasks(db, iterations + 20, Date.now() % 1_000_000);
  const r = rng(7);
  const write = (i: number) => {
    const t = tasks[i % tasks.length]!;
    const percent = Math.min(100, t.progress + 1 + Math.floor(r() * 10));
    const input = {
      taskId: t.id,
      version: t.version,
      clientToken: crypto.randomUUID(),
      percent,
      state: "NORMAL" as const,
      narrative: "按计划推进，已完成本阶段工作",
      attachmentIds: [],
    };
    return logProgress(actors.staff(t), input).then(() => {
      t.version++;
      t.progress = percent;
    });
  };
  for (let i = 0; i < 20; i++) await write(iterations + i); // warm-up on tasks not measured
  const samples: number[] = [];
  const cpu = process.cpuUsage();
  for (let i = 0; i < iterations; i++) samples.push((await timed(() => write(i)))[0]);
  const used = process.cpuUsage(cpu);
  const s = { ...summarize(samples), nodeCpuMs: (used.user + used.system) / 1000 / iterations };
  log(formatSummary("progress submission (logProgress)", s));
  log(`  Node CPU per submission: ${s.nodeCpuMs.toFixed(1)} ms`);
  return s;
}
