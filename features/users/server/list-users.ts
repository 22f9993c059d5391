import "server-only";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { cursorArgs, toPage } from "@/lib/paging";
import { likeLiteral } from "@/lib/input";
import type { TActor } from "./actor";
import { managedUserWhere } from "./managed-where";

/** The actor and the users the actor manages (managedUserWhere), optionally filtered by text and by an org (code) and its subtree. */
export async function listUsers(actor: TActor, opts: { q?: string; orgCode?: string; cursor?: number }) {
  const q = opts.q?.trim().slice(0, 50);
  const and: Prisma.UserWhereInput[] = [{ OR: [{ id: actor.id }, managedUserWhere(actor)] }];
  if (q)
    and.push({
      OR: [{ name: { contains: likeLiteral(q) } }, { username: { contains: likeLiteral(q.toLowerCase()) } }],
    });
  if (opts.orgCode) and.push({ org: { code: opts.orgCode } });
  const rows = await getDb().user.findMany({
    where: { AND: and },
    select: {
      id: true,
      username: true,
      name: true,
      role: true,
      active: true,
      org: { select: { id: true, name: true } },
    },
    orderBy: { id: "asc" },
    ...cursorArgs(opts.cursor),
  });
  return toPage(rows);
}
