import { createHash } from "node:crypto";

// The hash chain of the audit trail: each row's hash covers the previous row's hash and the row's own
// fields, so changing, removing or reordering a row breaks every hash after it (npm run audit:verify).

/** The fields a row's hash covers, as stored. */
export type TChainedRow = {
  id: bigint;
  at: Date;
  action: string;
  outcome: string;
  actorId: number | null;
  actorName: string | null;
  ip: string | null;
  userAgent: string | null;
  targetType: string | null;
  targetId: string | null;
  detail: unknown;
  prevHash: string | null;
};

/** JSON with object keys sorted at every depth (JSONB does not keep key order). */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (typeof value === "object") {
    const o = value as Record<string, unknown>;
    const keys = Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** SHA-256 (hex) over the previous row's hash and the row's canonical serialisation. */
export function hashRow(row: TChainedRow): string {
  const body = canonicalJson([
    row.id.toString(),
    row.at.toISOString(),
    row.action,
    row.outcome,
    row.actorId,
    row.actorName,
    row.ip,
    row.userAgent,
    row.targetType,
    row.targetId,
    row.detail ?? null,
  ]);
  return createHash("sha256")
    .update(`${row.prevHash ?? ""}\n${body}`)
    .digest("hex");
}
