import "server-only";
import type { TImportActor, TRowError } from "@/features/imports/lib/spec";
import { grantableRolesAt, type TRole } from "@/lib/auth/permissions";
import type { TDb, TTx } from "@/lib/db/client";
import { diffFields, type TFieldChanges } from "@/lib/history/record-change";
import { managedUserWhere } from "../server/managed-where";
import { resolveOrgRefs, type TOrgHit } from "./resolve-orgs";
import type { TPersonRow } from "./row-schema";

// What importing each row would do, worked out in bulk (5–6 queries per chunk, none per row). The
// same rules as the create-user and edit-user forms: an org inside the importer's subtree, a role
// the importer may give there (a manager only strictly below its own org), an existing account only
// when the importer manages it (managedUserWhere), and never a change of one's own role or org.

/** The fields a row sets, compared and recorded in history under these names (the org by its code). */
export const PERSON_FIELDS = ["name", "phone", "org", "role"] as const;
type TFields = { name: string; phone: string | null; org: string; orgId: number; role: TRole };

export type TPersonStep =
  | { rowNo: number; action: "NEW"; data: TPersonRow; org: TOrgHit; fields: TFields }
  | {
      rowNo: number;
      action: "CHANGED";
      data: TPersonRow;
      org: TOrgHit;
      fields: TFields;
      targetId: number;
      before: TFields & { active: boolean };
      changes: TFieldChanges;
    }
  | { rowNo: number; action: "UNCHANGED"; data: TPersonRow; targetId: number }
  | { rowNo: number; action: "ERROR"; data: TPersonRow; errors: TRowError[] };

const USER_SELECT = {
  id: true,
  username: true,
  name: true,
  phone: true,
  orgId: true,
  org: { select: { code: true } },
  role: true,
  active: true,
} as const;

export async function planPeople(
  db: TDb | TTx,
  actor: TImportActor,
  rows: readonly { rowNo: number; data: TPersonRow }[],
): Promise<TPersonStep[]> {
  const usernames = rows.map((r) => r.data.username);
  const [orgs, existing, managed] = await Promise.all([
    resolveOrgRefs(
      db,
      actor,
      rows.map((r) => r.data.org),
    ),
    db.user.findMany({ where: { username: { in: usernames } }, select: USER_SELECT }),
    db.user.findMany({
      where: { username: { in: usernames }, OR: [{ id: actor.id }, managedUserWhere(actor)] },
      select: { id: true },
    }),
  ]);
  const byUsername = new Map(existing.map((u) => [u.username, u]));
  const managedIds = new Set(managed.map((u) => u.id));

  return rows.map(({ rowNo, data }): TPersonStep => {
    const errors: TRowError[] = [];
    const target = byUsername.get(data.username);
    const resolved = orgs.get(data.org)!;
    if (!resolved.ok) errors.push({ column: "org", code: resolved.code });
    if (target && !managedIds.has(target.id)) {
      // Someone else's account (or a peer manager's): as in the form, the name is just unavailable.
      errors.push({ column: "username", code: "usernameUnavailable" });
      return { rowNo, action: "ERROR", data, errors };
    }
    if (!resolved.ok) return { rowNo, action: "ERROR", data, errors };
    const org = resolved.org;
    const fields: TFields = {
      name: data.name,
      phone: data.phone || null,
      org: org.code,
      orgId: org.id,
      role: data.role,
    };
    const before = target && { ...target, phone: target.phone || null, org: target.org.code };
    const changes = before ? diffFields<TFields>(before, fields, PERSON_FIELDS) : null;
    if (target && !changes) return { rowNo, action: "UNCHANGED", data, targetId: target.id };
    if (target?.id === actor.id && (changes?.role || changes?.org))
      errors.push({ column: changes.role ? "role" : "org", code: "ownAccount" });
    // The role is checked where the account will be: a move can make a role the importer may not give.
    else if (
      (!target || changes?.role || changes?.org) &&
      !grantableRolesAt(actor.role, org.id === actor.orgId).includes(data.role)
    )
      errors.push({ column: "role", code: "roleNotAllowed" });
    if (errors.length) return { rowNo, action: "ERROR", data, errors };
    if (!target || !before) return { rowNo, action: "NEW", data, org, fields };
    return { rowNo, action: "CHANGED", data, org, fields, targetId: target.id, before, changes: changes! };
  });
}
