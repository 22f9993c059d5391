import "server-only";
import type { TImportActor, TPlannedRow } from "@/features/imports/lib/spec";
import { adjustUserCounts } from "@/features/organizations/server/org-counts";
import { recordAudit } from "@/lib/audit/record";
import { hashRandomSecret } from "@/lib/auth/password";
import { revokeUserSessions } from "@/lib/auth/user-sessions";
import type { TTx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { recordChanges, type TChange } from "@/lib/history/record-change";
import { initialPassword } from "./initial-password";
import { storePasswordSheet } from "./password-sheet";
import { PERSON_FIELDS, planPeople, type TPersonStep } from "./plan";
import type { TPersonRow } from "./row-schema";
import { writeChanged, writeNew } from "./write-people";

type TNew = Extract<TPersonStep, { action: "NEW" }>;
type TChanged = Extract<TPersonStep, { action: "CHANGED" }>;

/** Hashes in parallel batches (scrypt runs on libuv's thread pool); random secrets, so the low-cost hash. */
async function hashAll(plains: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (let i = 0; i < plains.length; i += 32)
    out.push(...(await Promise.all(plains.slice(i, i + 32).map((p) => hashRandomSecret(p)))));
  return out;
}

/**
 * Plans the NEW and CHANGED rows again inside the commit's transaction (the accounts are locked
 * first): anything that would now be planned differently (an account created, moved or taken
 * meanwhile, an org closed) refuses the whole commit with CONFLICT.
 */
async function replan(tx: TTx, actor: TImportActor, rows: readonly TPlannedRow<TPersonRow>[]) {
  const todo = rows.filter((r) => r.action === "NEW" || r.action === "CHANGED");
  const names = todo.map((r) => (r as { data: TPersonRow }).data.username);
  await tx.$queryRaw`SELECT id FROM "User" WHERE username = ANY(${names}::text[]) ORDER BY id FOR UPDATE`;
  const steps = await planPeople(
    tx,
    actor,
    todo.map((r) => ({ rowNo: r.rowNo, data: (r as { data: TPersonRow }).data })),
  );
  steps.forEach((s, i) => {
    const was = todo[i]!;
    if (s.action !== was.action || ("targetId" in was && "targetId" in s && s.targetId !== was.targetId))
      throw new AppError("CONFLICT");
  });
  return {
    created: steps.filter((s): s is TNew => s.action === "NEW"),
    changed: steps.filter((s): s is TChanged => s.action === "CHANGED"),
  };
}

/**
 * Writes a people import: new accounts with a random initial password each (stored as a hash, to
 * be changed at first sign-in; the plain ones only in the sealed 初始密码单), changed fields of the
 * accounts the importer manages, with history, org counts, audit events, and new sessions for a
 * changed role.
 */
export async function commitPeople(
  tx: TTx,
  actor: TImportActor,
  { rows, jobId }: { rows: readonly TPlannedRow<TPersonRow>[]; jobId: number },
): Promise<void> {
  const { created, changed } = await replan(tx, actor, rows);
  const plains = created.map((s) => initialPassword(s.data.username));
  const hashes = await hashAll(plains);
  const ids = await writeNew(tx, { actor, steps: created, hashes });
  await writeChanged(tx, changed);

  await adjustUserCounts(tx, [
    ...created.map((s) => ({ orgId: s.fields.orgId, delta: 1 })),
    ...changed
      .filter((s) => s.changes.org && s.before.active)
      .flatMap((s) => [
        { orgId: s.before.orgId, delta: -1 },
        { orgId: s.fields.orgId, delta: 1 },
      ]),
  ]);

  const history: TChange[] = [
    ...created.map((s, i) => ({
      entity: "USER" as const,
      entityId: ids[i]!,
      action: "create",
      changes: Object.fromEntries(
        PERSON_FIELDS.map((k): [string, [unknown, unknown]] => [k, [null, s.fields[k]]]),
      ),
      actorId: actor.id,
      importJobId: jobId,
    })),
    ...changed.map((s) => ({
      entity: "USER" as const,
      entityId: s.targetId,
      action: "update",
      changes: s.changes,
      actorId: actor.id,
      importJobId: jobId,
    })),
  ];
  await recordChanges(tx, history);

  await recordAudit(
    {
      action: "user.import",
      actor,
      target: { type: "importJob", id: jobId },
      detail: { created: created.length, changed: changed.length },
    },
    tx,
  );
  // A new role is a security event of its own, and its holder signs in again under it.
  for (const s of changed.filter((c) => c.changes.role)) {
    await recordAudit(
      {
        action: "user.role",
        actor,
        target: { type: "user", id: s.targetId },
        detail: { username: s.data.username, from: s.before.role, to: s.fields.role, importJobId: jobId },
      },
      tx,
    );
    await revokeUserSessions(s.targetId, tx, { reason: "user.role", actor });
  }

  if (created.length)
    await storePasswordSheet(tx, {
      jobId,
      ownerId: actor.id,
      entries: created.map((s, i) => ({
        name: s.data.name,
        username: s.data.username,
        org: s.org.name,
        password: plains[i]!,
      })),
    });
}
