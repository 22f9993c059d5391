import type { TTx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { orgInScopeSql } from "@/lib/auth/scope";
import type { TPlanActor } from "@/features/plan-import/server/draft-scope";

// Who may set, see and retire a reporting rule, put into the query:
// - on a plan or a measure: plan:manage and the plan's issuer inside the actor's subtree (canEditPlan);
// - on a 下达 batch: task:assign and the batch's assigner org inside the actor's subtree;
// and in both cases the rule's own org (the federation that set it) inside the actor's subtree.

export type TRuleActor = TPlanActor;

/** Rule row `r` may be seen and retired by `actor` (SQL; FALSE without either permission). */
export function manageableRuleSql(actor: TRuleActor): Prisma.Sql {
  const ors: Prisma.Sql[] = [];
  if (actor.permissions.has("plan:manage"))
    ors.push(Prisma.sql`EXISTS (SELECT 1 FROM "Plan" pl JOIN "Org" o ON o.id = pl."issuingOrgId"
      WHERE ${orgInScopeSql("o", actor.orgId)}
        AND pl.id = COALESCE(r."planId", (SELECT ob."planId" FROM "Objective" ob WHERE ob.id = r."objectiveId")))`);
  if (actor.permissions.has("task:assign"))
    ors.push(Prisma.sql`EXISTS (SELECT 1 FROM "AssignmentBatch" b JOIN "Org" o ON o.id = b."assignerOrgId"
      WHERE b.id = r."batchId" AND ${orgInScopeSql("o", actor.orgId)})`);
  if (ors.length === 0) return Prisma.sql`FALSE`;
  return Prisma.sql`(EXISTS (SELECT 1 FROM "Org" so WHERE so.id = r."orgId" AND ${orgInScopeSql("so", actor.orgId)})
    AND (${Prisma.join(ors, " OR ")}))`;
}

/** The rule, locked for the change, or NOT_FOUND (out of scope) / FORBIDDEN (neither permission). */
export async function loadManageableRule(tx: TTx, actor: TRuleActor, ruleId: number) {
  if (!actor.permissions.has("plan:manage") && !actor.permissions.has("task:assign"))
    throw new AppError("FORBIDDEN");
  const rows = await tx.$queryRaw<{ id: number }[]>`
    SELECT r.id FROM "ReportingRule" r WHERE r.id = ${ruleId} AND ${manageableRuleSql(actor)} FOR UPDATE OF r`;
  if (!rows[0]) throw new AppError("NOT_FOUND");
  return tx.reportingRule.findUniqueOrThrow({ where: { id: rows[0].id } });
}
