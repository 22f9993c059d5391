import "server-only";
import type { TTx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { visiblePlanWhere } from "@/features/plans/server/visible-plans";
import type { TSchemeFields } from "../schemas";
import type { TAssessActor } from "./access";

// What a scheme's fields must satisfy beyond their shape (the zod schema): checked on every write
// of a draft, against the database, inside the write's transaction. Failures are field errors.

const LEVEL_ORDER = ["NATIONAL", "PROVINCE", "CITY", "COUNTY", "GRASSROOTS"] as const;

/** True when `level` lies strictly below `orgLevel`. */
export const isLevelBelow = (level: string, orgLevel: string) =>
  LEVEL_ORDER.indexOf(level as (typeof LEVEL_ORDER)[number]) >
  LEVEL_ORDER.indexOf(orgLevel as (typeof LEVEL_ORDER)[number]);

/** Refuses a level not below the actor's org, a plan the actor does not see, an indicator that does not count. */
export async function checkSchemeFields(
  tx: TTx,
  actor: TAssessActor,
  f: Pick<TSchemeFields, "scope" | "planId" | "rules"> & { level: string | null },
): Promise<void> {
  if (f.scope === "LEVEL") {
    const org = await tx.org.findUniqueOrThrow({ where: { id: actor.orgId }, select: { level: true } });
    if (!isLevelBelow(f.level!, org.level)) throw new AppError("VALIDATION", { level: "levelNotBelow" });
  }
  const { where } = await visiblePlanWhere(actor, tx);
  if (f.planId !== null) {
    const plan = await tx.plan.findFirst({ where: { AND: [where, { id: f.planId }] }, select: { id: true } });
    if (!plan) throw new AppError("VALIDATION", { planId: "plan" });
  }
  const wanted = f.rules.rules.flatMap((r, i) => (r.kind === "INDICATOR" ? [{ i, id: r.indicatorId }] : []));
  if (!wanted.length) return;
  // A live indicator of a measure of the chosen plan (or of any plan the actor sees).
  const found = await tx.indicator.findMany({
    where: {
      id: { in: wanted.map((w) => w.id) },
      retiredAt: null,
      objective: { level: "MEASURE", plan: f.planId !== null ? { id: f.planId } : where },
    },
    select: { id: true },
  });
  const ok = new Set(found.map((x) => x.id));
  const bad = wanted.filter((w) => !ok.has(w.id));
  if (bad.length)
    throw new AppError(
      "VALIDATION",
      Object.fromEntries(bad.map((w) => [`rules.rules.${w.i}.indicatorId`, "indicator"])),
    );
}

/** The row data of a scheme's fields. */
export const schemeData = (f: TSchemeFields) => ({
  title: f.title,
  year: f.year,
  scope: f.scope,
  level: f.scope === "LEVEL" ? f.level : null,
  planId: f.planId,
  rules: f.rules,
});
