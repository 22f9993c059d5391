import crypto from "node:crypto";
import type { TDb } from "@/lib/db/client";
import { signIn } from "../app-server";
import { formatSummary, log } from "../stats";
import { callAction, failureOf, findAction } from "./action";
import { closedLoop, errorCount, type TLoadResult } from "./load";
import { setPasswords } from "./users";

// The deadline rush through HTTP: `clients` staff members of branches spread over the country,
// each signed in through the login form, submit 进展填报 through the real server action
// (logProgressAction) on their own tasks, one after another, for `seconds`. With several
// instances, client c talks to instance c mod n (a round-robin proxy), with a session cookie
// from a sign-in on the first instance: the instances share the session secret.
type TRushTask = { id: number; version: number; progress: number };
type TRushClient = { username: string; tasks: TRushTask[]; cookie: string; next: number };

async function pickClients(db: TDb, clients: number, seed: number) {
  const rows = await db.$queryRaw<{ username: string; id: number; version: number; progress: number }[]>`
    WITH b AS (
      SELECT o.id FROM "Org" o WHERE o.level = 'GRASSROOTS' AND o.code LIKE '%B___'
      ORDER BY hashint4(o.id + ${seed}) LIMIT ${clients})
    SELECT u.username, t.id, t.version, t.progress::float8 AS progress
    FROM b JOIN "Task" t ON t."orgId" = b.id JOIN "User" u ON u.id = t."responsibleId"
    WHERE t.status = 'IN_PROGRESS' AND t."parentTaskId" IS NULL AND t.progress < 80
      AND u.username = 'bench.s.' || b.id
    ORDER BY u.username, t.id`;
  const by = new Map<string, TRushTask[]>();
  for (const r of rows) by.set(r.username, [...(by.get(r.username) ?? []), r]);
  return by;
}

export async function rushHttp(
  db: TDb,
  opts: { url: string; bases: string[]; clients: number; seconds: number },
): Promise<TLoadResult> {
  const action = findAction("features/tasks/actions.ts", "logProgressAction");
  const picked = await pickClients(db, opts.clients, Date.now() % 100_000);
  const password = await setPasswords(opts.url, [...picked.keys()]);
  const clients: TRushClient[] = [];
  for (const [username, tasks] of picked)
    clients.push({ username, tasks, cookie: await signIn(opts.bases[0]!, username, password), next: 0 });
  const taskCount = clients.reduce((a, c) => a + c.tasks.length, 0);
  log(
    `http rush: ${clients.length} staff, ${taskCount} tasks, ${opts.bases.length} instance(s), ${opts.seconds} s`,
  );

  const result = await closedLoop(clients.length, opts.seconds, async (c) => {
    const client = clients[c]!;
    const open = client.tasks.filter((t) => t.progress < 100);
    if (open.length === 0) return null;
    const t = open[client.next++ % open.length]!;
    const percent = Math.min(100, Math.floor(t.progress) + 1);
    const answer = await callAction(opts.bases[c % opts.bases.length]!, action, {
      path: action.page.replace("[id]", String(t.id)),
      cookie: client.cookie,
      args: [
        {
          taskId: t.id,
          version: t.version,
          clientToken: crypto.randomUUID(),
          percent,
          state: "NORMAL",
          narrative: "截止前补报进展",
          attachmentIds: [],
        },
      ],
    });
    if (!answer.ok) {
      t.progress = 100; // leave a task that failed alone
      return { ok: false, error: failureOf(answer) };
    }
    t.version++;
    t.progress = percent;
    return { ok: true };
  });
  log(
    `http rush: ${result.ok} submissions in ${result.seconds.toFixed(1)} s = ${result.perSecond.toFixed(0)}/s; ` +
      `errors ${errorCount(result)} ${JSON.stringify(result.errors)}`,
  );
  log(formatSummary("http rush latency", result.latency));
  return result;
}
