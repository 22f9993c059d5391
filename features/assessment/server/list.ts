import "server-only";
import { getDb } from "@/lib/db/client";
import { requireAssessment, type TAssessActor } from "./access";

export type TSchemeListItem = {
  id: number;
  title: string;
  year: number;
  version: number;
  status: "DRAFT" | "PUBLISHED" | "SUPERSEDED";
  scope: "DIRECT" | "LEVEL";
  createdAt: Date;
  seriesId: number | null;
  publishedAt: Date | null;
  level: string | null;
};

/** The schemes the actor's org defined (every version), newest first. */
export async function listOwnSchemes(actor: TAssessActor): Promise<TSchemeListItem[]> {
  requireAssessment(actor);
  return getDb().assessmentScheme.findMany({
    where: { orgId: actor.orgId },
    orderBy: [{ year: "desc" }, { id: "desc" }],
    select: {
      id: true,
      title: true,
      year: true,
      version: true,
      status: true,
      scope: true,
      createdAt: true,
      seriesId: true,
      publishedAt: true,
      level: true,
    },
  });
}

export type TUnitResultItem = {
  resultId: number;
  title: string;
  year: number;
  orgName: string;
  asOf: Date;
  total: number;
  grade: string;
  rank: number;
};

/** The published results that scored the actor's own org (its sheets), newest first. */
export async function listOwnResults(actor: TAssessActor): Promise<TUnitResultItem[]> {
  requireAssessment(actor);
  return getDb().$queryRaw<TUnitResultItem[]>`
    SELECT r.id AS "resultId", s.title, s.year, o.name AS "orgName", r."asOf", sc.total::float8 AS total, sc.grade, sc.rank
    FROM "AssessmentScore" sc
    JOIN "AssessmentResult" r ON r.id = sc."resultId"
    JOIN "AssessmentScheme" s ON s.id = r."schemeId"
    JOIN "Org" o ON o.id = s."orgId"
    WHERE sc."orgId" = ${actor.orgId}
    ORDER BY r."publishedAt" DESC`;
}
