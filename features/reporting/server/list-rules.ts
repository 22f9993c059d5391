import "server-only";
import { getDb } from "@/lib/db/client";
import type { TRuleActor } from "./rule-scope";
import { manageableRuleSql } from "./rule-scope";

export type TRuleRow = {
  id: number;
  frequency: "WEEKLY" | "MONTHLY" | "QUARTERLY";
  dueDay: number;
  startDate: Date;
  endDate: Date;
  retiredAt: Date | null;
  /** The measure's code and title for a measure-level rule; null for the plan's own. */
  objectiveCode: string | null;
  objectiveTitle: string | null;
};

/** The plan's rules (on the plan itself and on its measures) that the actor may see (scope in the query). */
export async function listPlanReportingRules(actor: TRuleActor, planId: number): Promise<TRuleRow[]> {
  return getDb().$queryRaw<TRuleRow[]>`
    SELECT r.id, r.frequency::text AS frequency, r."dueDay", r."startDate", r."endDate", r."retiredAt",
      ob.code AS "objectiveCode", ob.title AS "objectiveTitle"
    FROM "ReportingRule" r LEFT JOIN "Objective" ob ON ob.id = r."objectiveId"
    WHERE (r."planId" = ${planId} OR ob."planId" = ${planId}) AND ${manageableRuleSql(actor)}
    ORDER BY r."retiredAt" NULLS FIRST, r.id DESC
    LIMIT 200`;
}
