import type { TDb } from "@/lib/db/client";

// No "server-only": the tests read these too.

export type TRuleOption = {
  id: number;
  orgId: number;
  orgName: string;
  frequency: "WEEKLY" | "MONTHLY" | "QUARTERLY";
  dueDay: number;
  retired: boolean;
  /** What the rule covers: a plan's title, an objective's code and title, or a 下达 batch id. */
  planTitle: string | null;
  objectiveCode: string | null;
  objectiveTitle: string | null;
  batchId: number | null;
  /** The start of its latest period (null: none opened yet), for the default choice. */
  latestStart: Date | null;
};

export type TPeriodOption = {
  id: number;
  startDate: Date;
  endDate: Date;
  dueDate: Date;
  status: "OPEN" | "CLOSED";
};

/**
 * The rules a user sees, in the query: set by the user's org or one above it (it lies on the
 * user's path), or by an org inside the user's subtree. Latest period first, then newest rule.
 */
export async function listVisibleRules(db: TDb, userOrgId: number): Promise<TRuleOption[]> {
  return db.$queryRaw<TRuleOption[]>`
    SELECT r.id, r."orgId", so.name AS "orgName", r.frequency::text AS frequency, r."dueDay",
      r."retiredAt" IS NOT NULL AS retired, pl.title AS "planTitle", ob.code AS "objectiveCode",
      ob.title AS "objectiveTitle", r."batchId",
      (SELECT max(p."startDate") FROM "ReportingPeriod" p WHERE p."ruleId" = r.id) AS "latestStart"
    FROM "Org" u
    JOIN "ReportingRule" r ON true
    JOIN "Org" so ON so.id = r."orgId"
    LEFT JOIN "Plan" pl ON pl.id = r."planId"
    LEFT JOIN "Objective" ob ON ob.id = r."objectiveId"
    WHERE u.id = ${userOrgId} AND (r."orgId" = ANY(u."ancestorIds") OR so."ancestorIds" @> ARRAY[${userOrgId}::int])
    ORDER BY "latestStart" DESC NULLS LAST, r.id DESC`;
}

/** The periods of a rule, latest first. */
export async function listPeriods(db: TDb, ruleId: number): Promise<TPeriodOption[]> {
  return db.$queryRaw<TPeriodOption[]>`
    SELECT p.id, p."startDate", p."endDate", p."dueDate", p.status::text AS status
    FROM "ReportingPeriod" p WHERE p."ruleId" = ${ruleId}
    ORDER BY p."startDate" DESC`;
}
