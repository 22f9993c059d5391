import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { ZAssignTasks } from "@/features/tasks/schemas";
import { assignTasks } from "@/features/tasks/server/assign-tasks";
import { handBackTask } from "@/features/tasks/server/hand-back-task";
import { requestExtension } from "@/features/tasks/server/request-extension";
import { signTask } from "@/features/tasks/server/sign-task";
import { submitCompletion } from "@/features/tasks/server/submit-completion";
import { hashPassword } from "@/lib/auth/password";
import { ROLES, type TRole } from "@/lib/auth/permissions";
import type { TDb } from "@/lib/db/client";
import { addDays, chinaToday, formatDay } from "@/lib/dates";
import { loadActors, type TTestActor } from "../helpers/actors";

// The one seeded world of the access matrix: a caller of every role in 石家庄 (a city of 河北),
// and factories for targets in the caller's own subtree (河北) or in another region (湖北).

export type TRegion = "own" | "other";
export type TCaller = {
  id: number;
  role: TRole;
  username: string;
  password: string;
  orgId: number;
  /** The session id its cookie carries (`sid` in the JWT) where sessions are stored. */
  sid?: string;
};
export type TTaskStatusWanted = "PENDING_SIGN" | "IN_PROGRESS" | "SUBMITTED" | "HANDED_BACK";

/** A task spec: `held` by the caller's org (or its 湖北 counterpart), or held one level `below` it. */
export type TTaskSpec = {
  at: "held" | "below";
  status: TTaskStatusWanted;
  /** Makes this user the task's responsible person (the "worker" relation). */
  worker?: number;
  /** A pending 延期 request on the task. */
  extension?: boolean;
  /** The task was passed down (分解) to an org below, so that it has a child. */
  withChild?: boolean;
};

export type TTaskTarget = { id: number; version: number; extensionId?: number };

/** A calendar day in China `days` from today (YYYY-MM-DD). */
export const day = (days: number) => formatDay(addDays(chinaToday(), days));
const token = () => crypto.randomUUID();

/** The org codes the matrix uses: the callers' org, one below it, and their 湖北 counterparts. */
export const ORG_CODES = {
  own: { held: "130100", below: "130123", below2: "130121", parent: "130000" },
  other: { held: "420100", below: "420106", below2: "420102", parent: "420000" },
} as const;

/** Demo users who assign (the parent org's manager) and hold (the holder's manager) tasks. */
const ASSIGNER = {
  own: { held: "hebei", below: "shijiazhuang" },
  other: { held: "hubei", below: "wuhan" },
} as const;
const HOLDER = {
  own: { held: "shijiazhuang", below: "zhengding" },
  other: { held: "wuhan", below: "wuchang" },
} as const;

export const CALLER_PASSWORD = "Mx-Matrix#2026a";

export type TWorld = {
  db: TDb;
  callers: Record<TRole, TCaller>;
  /** A MANAGER whose password was set by someone else and must be changed before anything else. */
  pending: TCaller;
  demo: Record<string, TTestActor>;
  /** Org ids by region and place (see ORG_CODES). */
  orgs: Record<TRegion, Record<keyof (typeof ORG_CODES)["own"], number>>;
  /** Ids of the orgs in the callers' subtree (石家庄 and below). */
  ownSubtree: ReadonlySet<number>;
  /** Targets for one cell: new ones when `fresh` (the call may change them), else shared ones. */
  targets: (fresh: boolean) => TTargets;
};

export type TTargets = {
  task: (region: TRegion, spec: TTaskSpec) => Promise<TTaskTarget>;
  /** A measure no task of these orgs uses yet (so that 下达 / 认领 can create one). */
  measure: (orgIds: number[]) => Promise<number>;
  /** An active account of `role` in the callers' org (own) or its 湖北 counterpart 武汉 (other). */
  user: (region: TRegion, role: TRole) => Promise<number>;
  /** An unread notification of `userId` about a task in `region`. */
  notification: (userId: number, region: TRegion) => Promise<number>;
  /** An evidence file (a PDF) on a task held in `region`. */
  attachment: (region: TRegion) => Promise<number>;
};

export async function buildWorld(db: TDb): Promise<TWorld> {
  const codes = [...Object.values(ORG_CODES.own), ...Object.values(ORG_CODES.other)];
  const orgRows = await db.org.findMany({ where: { code: { in: codes } }, select: { id: true, code: true } });
  const byCode = new Map(orgRows.map((o) => [o.code, o.id]));
  const idOf = (code: string) => {
    const id = byCode.get(code);
    if (id === undefined) throw new Error(`matrix: org ${code} missing from the seed`);
    return id;
  };
  const orgs = {
    own: mapValues(ORG_CODES.own, idOf),
    other: mapValues(ORG_CODES.other, idOf),
  };
  const passwordHash = await hashPassword(CALLER_PASSWORD);
  const callers = {} as Record<TRole, TCaller>;
  for (const role of ROLES) {
    const username = `mx.${role.toLowerCase()}`;
    const u = await db.user.create({
      data: { username, name: `矩阵${role}`, role, orgId: orgs.own.held, passwordHash },
      select: { id: true },
    });
    const sid = await startSession(u.id);
    callers[role] = { id: u.id, role, username, password: CALLER_PASSWORD, orgId: orgs.own.held, sid };
  }
  const p = await db.user.create({
    data: {
      username: "mx.pending",
      name: "矩阵待改密",
      role: "MANAGER",
      orgId: orgs.own.held,
      passwordHash,
      mustChangePassword: true,
    },
    select: { id: true },
  });
  const pending: TCaller = {
    id: p.id,
    role: "MANAGER",
    username: "mx.pending",
    password: CALLER_PASSWORD,
    orgId: orgs.own.held,
    sid: await startSession(p.id),
  };
  const demo = await loadActors(db);
  const measures = (
    await db.objective.findMany({ where: { level: "MEASURE" }, orderBy: { id: "asc" }, select: { id: true } })
  ).map((m) => m.id);
  const used = new Map<number, number>(); // org id → next measure index
  let seq = 0;

  const measure = async (orgIds: number[]) => {
    const i = Math.max(...orgIds.map((o) => used.get(o) ?? 0));
    const m = measures[i];
    if (m === undefined) throw new Error("matrix: out of measures");
    for (const o of orgIds) used.set(o, i + 1);
    return m;
  };

  const current = async (id: number): Promise<TTaskTarget> => {
    const t = await db.task.findUniqueOrThrow({ where: { id }, select: { id: true, version: true } });
    return { id: t.id, version: t.version };
  };

  const newTask = async (region: TRegion, spec: TTaskSpec): Promise<TTaskTarget> => {
    const holderOrg = orgs[region][spec.at];
    const parentOrg = spec.at === "held" ? orgs[region].parent : orgs[region].held;
    const childOrg = orgs[region][spec.at === "held" ? "below" : "below2"];
    const objectiveId = await measure(spec.withChild ? [holderOrg, childOrg] : [holderOrg]);
    const assigner = demo[ASSIGNER[region][spec.at]]!;
    const holder = demo[HOLDER[region][spec.at]]!;
    await assignTasks(
      assigner,
      ZAssignTasks.parse({
        clientToken: token(),
        objectiveIds: [objectiveId],
        target: { mode: "orgs", orgIds: [holderOrg] },
        dueDate: day(120),
      }),
    );
    const row = await db.task.findUniqueOrThrow({
      where: { objectiveId_orgId: { objectiveId, orgId: holderOrg } },
      select: { id: true, reviewOrgId: true },
    });
    if (row.reviewOrgId !== parentOrg) throw new Error("matrix: unexpected review org");
    let t = await current(row.id);
    const ref = () => ({ taskId: t.id, version: t.version });
    if (spec.status === "HANDED_BACK") await handBackTask(holder, { ...ref(), reason: "矩阵退回" });
    if (spec.status !== "PENDING_SIGN" && spec.status !== "HANDED_BACK") await signTask(holder, ref());
    t = await current(row.id);
    if (spec.withChild)
      await assignTasks(
        holder,
        ZAssignTasks.parse({
          clientToken: token(),
          objectiveIds: [objectiveId],
          target: { mode: "orgs", orgIds: [childOrg] },
          dueDate: day(100),
          parentTaskId: t.id,
        }),
      );
    let extensionId: number | undefined;
    if (spec.extension) {
      await requestExtension(holder, { ...ref(), clientToken: token(), toDue: day(150), reason: "矩阵延期" });
      const ext = await db.extensionRequest.findFirstOrThrow({
        where: { taskId: t.id },
        select: { id: true },
      });
      extensionId = ext.id;
    }
    t = await current(row.id);
    if (spec.status === "SUBMITTED")
      await submitCompletion(holder, {
        ...ref(),
        clientToken: token(),
        summary: "矩阵办结报告",
        attachmentIds: [],
      });
    if (spec.worker) await db.task.update({ where: { id: t.id }, data: { responsibleId: spec.worker } });
    return { ...(await current(row.id)), extensionId };
  };

  const user = async (region: TRegion, role: TRole) => {
    seq += 1;
    const u = await db.user.create({
      data: {
        username: `mx.${role.toLowerCase()}.${region}.${seq}`,
        name: `矩阵用户${seq}`,
        role,
        orgId: orgs[region].held,
        passwordHash,
      },
      select: { id: true },
    });
    return u.id;
  };

  const notification = async (userId: number, region: TRegion) => {
    const task = await newTaskCached(region, { at: "held", status: "PENDING_SIGN" });
    const n = await db.notification.create({
      data: {
        userId,
        type: "NUDGED",
        taskId: task.id,
        params: { objective: "矩阵", from: "矩阵", message: "" },
      },
      select: { id: true },
    });
    return n.id;
  };

  const attachment = async (region: TRegion) => {
    const task = await newTaskCached(region, { at: "held", status: "IN_PROGRESS" });
    seq += 1;
    const bytes = Buffer.from(`%PDF-1.4\n% matrix ${seq}\n%%EOF\n`);
    const sha256 = crypto.createHash("sha256").update(bytes).digest("hex");
    const a = await db.attachment.create({
      data: {
        taskId: task.id,
        uploaderId: demo[HOLDER[region].held]!.id,
        fileName: `矩阵${seq}.pdf`,
        mime: "application/pdf",
        kind: "PDF",
        size: bytes.length,
        sha256,
        storageKey: await storeBytes(bytes),
      },
      select: { id: true },
    });
    return a.id;
  };

  const cache = new Map<string, Promise<unknown>>();
  const memo = <A extends unknown[], R>(name: string, fn: (...a: A) => Promise<R>) => {
    return (...a: A): Promise<R> => {
      const key = `${name}:${JSON.stringify(a)}`;
      if (!cache.has(key)) cache.set(key, fn(...a));
      return cache.get(key) as Promise<R>;
    };
  };
  const newTaskCached = memo("task", newTask);
  const shared: TTargets = {
    task: newTaskCached,
    measure, // always new: a call with it either creates a task (then never again) or nothing
    user: memo("user", user),
    notification: memo("notification", notification),
    attachment: memo("attachment", attachment),
  };
  const fresh: TTargets = { task: newTask, measure, user, notification, attachment };
  const subtree = await db.org.findMany({
    where: { ancestorIds: { has: orgs.own.held } },
    select: { id: true },
  });
  const ownSubtree = new Set(subtree.map((o) => o.id));
  return { db, callers, pending, demo, orgs, ownSubtree, targets: (isFresh) => (isFresh ? fresh : shared) };
}

/**
 * A live session for the caller, as a sign-in starts one, where sessions are stored server-side
 * (lib/auth/user-sessions.ts, revocable sessions); undefined where the cookie carries only the user id.
 * Loaded by path so that this file compiles with and without that module.
 */
async function startSession(userId: number): Promise<string | undefined> {
  const file = path.join(import.meta.dirname, "../../lib/auth/user-sessions.ts");
  if (!fs.existsSync(file)) return undefined;
  const mod = (await import(/* @vite-ignore */ file)) as {
    createUserSession: (id: number, meta: { ip: string; userAgent: string }) => Promise<string>;
  };
  return mod.createUserSession(userId, { ip: "127.0.0.1", userAgent: "access-matrix" });
}

function mapValues<K extends string, V, W>(o: Record<K, V>, f: (v: V) => W): Record<K, W> {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, f(v as V)])) as Record<K, W>;
}

async function storeBytes(bytes: Buffer): Promise<string> {
  const { saveFile } = await import("@/features/evidence/server/storage");
  return (await saveFile(bytes)).storageKey;
}
