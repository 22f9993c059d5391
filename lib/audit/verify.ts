import type { TDb } from "@/lib/db/client";
import { hashRow } from "./chain";

export type TChainReport =
  { ok: true; checked: number } | { ok: false; checked: number; brokenId: bigint; reason: "hash" | "link" };

const BATCH = 2000;

/**
 * Walks the whole trail in id order. A row is broken when its hash does not match its fields and
 * stored prevHash ("hash": the row was changed), or when its prevHash is not the previous row's hash
 * ("link": a row before it was removed, inserted or changed). The first row's prevHash is the anchor
 * left by pruning and is taken as it is.
 */
export async function verifyAuditChain(db: TDb): Promise<TChainReport> {
  let checked = 0;
  let prev: string | null | undefined;
  let after = -1n;
  for (;;) {
    const rows = await db.auditEvent.findMany({
      where: { id: { gt: after } },
      orderBy: { id: "asc" },
      take: BATCH,
    });
    for (const r of rows) {
      if (prev !== undefined && r.prevHash !== prev)
        return { ok: false, checked, brokenId: r.id, reason: "link" };
      if (hashRow(r) !== r.hash) return { ok: false, checked, brokenId: r.id, reason: "hash" };
      prev = r.hash;
      checked++;
    }
    if (rows.length < BATCH) return { ok: true, checked };
    after = rows.at(-1)!.id;
  }
}
