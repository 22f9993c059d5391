import "server-only";
import type { TImportActor } from "@/features/imports/lib/spec";
import type { TTx } from "@/lib/db/client";
import type { TPersonStep } from "./plan";

type TNew = Extract<TPersonStep, { action: "NEW" }>;
type TChanged = Extract<TPersonStep, { action: "CHANGED" }>;

/** Inserts the new accounts (must change their password at first sign-in); their ids in step order. */
export async function writeNew(
  tx: TTx,
  p: { actor: TImportActor; steps: readonly TNew[]; hashes: readonly string[] },
): Promise<number[]> {
  if (!p.steps.length) return [];
  await tx.user.createMany({
    data: p.steps.map((s, i) => ({
      username: s.data.username,
      name: s.fields.name,
      phone: s.fields.phone,
      role: s.fields.role,
      orgId: s.fields.orgId,
      passwordHash: p.hashes[i]!,
      mustChangePassword: true,
      createdById: p.actor.id,
    })),
  });
  const rows = await tx.user.findMany({
    where: { username: { in: p.steps.map((s) => s.data.username) } },
    select: { id: true, username: true },
  });
  const ids = new Map(rows.map((r) => [r.username, r.id]));
  return p.steps.map((s) => ids.get(s.data.username)!);
}

/** Sets every changed account's fields in one statement (unchanged fields get their own value back). */
export async function writeChanged(tx: TTx, steps: readonly TChanged[]): Promise<void> {
  if (!steps.length) return;
  await tx.$executeRaw`
    UPDATE "User" u
    SET "name" = d.name, "phone" = d.phone, "orgId" = d.org_id, "role" = d.role::"Role", "updatedAt" = now()
    FROM unnest(
      ${steps.map((s) => s.targetId)}::int[],
      ${steps.map((s) => s.fields.name)}::text[],
      ${steps.map((s) => s.fields.phone)}::text[],
      ${steps.map((s) => s.fields.orgId)}::int[],
      ${steps.map((s) => s.fields.role)}::text[]
    ) AS d(id, name, phone, org_id, role)
    WHERE u.id = d.id`;
}
