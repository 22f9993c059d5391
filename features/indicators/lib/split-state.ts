// The 下达/分解 form's split of one indicator's target (pure; unit-tested): the state the form keeps
// and the per-org targets it sends.
import { zIndicatorValue } from "@/features/tasks/schemas";
import { splitTotal } from "./split";

export const SPLIT_MODES = ["typed", "equal", "members", "sheet"] as const;
export type TSplitMode = (typeof SPLIT_MODES)[number];
export type TSplitRecipient = { id: number; code: string; name: string; members: number };
export type TSplitState = {
  on: boolean;
  /** The parent total as typed (for 分解, the parent task's target by default). */
  total: string;
  mode: TSplitMode;
  /** Typed targets by org id. */
  typed: Record<number, string>;
  /** Targets read from an uploaded sheet, by org code. */
  sheet: Record<string, number> | null;
};

/** A typed value: a number, null when empty, NaN when not a valid indicator value. */
export function parseValue(raw: string | undefined): number | null {
  if (raw === undefined || raw.trim() === "") return null;
  const v = zIndicatorValue.safeParse(raw.trim());
  return v.success ? Number(v.data) : Number.NaN;
}

/** Each recipient's target under the chosen mode (null where not set yet or not valid). */
export function targetsOf(s: TSplitState, recipients: readonly TSplitRecipient[]): (number | null)[] {
  const total = parseValue(s.total);
  const valid = (v: number | null) => (v === null || Number.isNaN(v) ? null : v);
  switch (s.mode) {
    case "typed":
      return recipients.map((r) => valid(parseValue(s.typed[r.id])));
    case "sheet":
      return recipients.map((r) => s.sheet?.[r.code] ?? null);
    case "equal":
    case "members": {
      const t = valid(total);
      if (t === null) return recipients.map(() => null);
      return splitTotal(t, s.mode === "equal" ? recipients.map(() => 1) : recipients.map((r) => r.members));
    }
  }
}

/**
 * What the form sends for one indicator: every recipient's target, or null while one is missing
 * (ZAssignTasks.indicatorTargets lists every receiving org, and no other).
 */
export function sendable(
  indicatorId: number,
  values: readonly (number | null)[],
  recipients: readonly TSplitRecipient[],
): { indicatorId: number; targets: { orgId: number; target: number }[] } | null {
  if (recipients.length === 0 || values.some((v) => v === null)) return null;
  return { indicatorId, targets: recipients.map((r, i) => ({ orgId: r.id, target: values[i]! })) };
}
