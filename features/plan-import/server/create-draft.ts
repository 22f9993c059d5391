import "server-only";
import { PartNotFoundError } from "@/features/objectives/lib/doc-paragraphs";
import { parseDocument, type TDocPlan } from "@/features/objectives/lib/parse-document";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { fromDocPlan } from "../lib/draft-tree";
import { guessKind, guessPeriod } from "../lib/guess-meta";
import { ZDraftTree, type TImportOptions } from "../schemas";
import { assertIssuerInScope, requirePlanManage, type TPlanActor } from "./draft-scope";

const day = (s: string) => (s ? new Date(`${s}T00:00:00Z`) : null);

/** The whole document, or only its top-level part 「part、」 (PLAN_PART_NOT_FOUND when it has none). */
function parse(text: string, part: string | undefined): TDocPlan {
  try {
    return parseDocument(text, { section: part });
  } catch (e) {
    if (e instanceof PartNotFoundError) throw new AppError("PLAN_PART_NOT_FOUND", { part: "partNotFound" });
    throw e;
  }
}

/**
 * Parses a document's text into a new draft (nothing else is written). The issuing org is the
 * importer's own unless another one of their subtree is named. With `part`, only that top-level
 * part 「一、」「二、」… is read: its （一）（二）… become the main tasks.
 */
export async function createDraft(
  actor: TPlanActor,
  input: { text: string; sourceName?: string | null } & TImportOptions,
): Promise<{ draftId: number }> {
  requirePlanManage(actor);
  const db = getDb();
  const issuingOrgId = input.issuingOrgId ?? actor.orgId;
  await assertIssuerInScope(db, actor, issuingOrgId);
  if (input.text.trim() === "") throw new AppError("PLAN_FILE_EMPTY");
  const plan = parse(input.text, input.part);
  const tree = ZDraftTree.safeParse(fromDocPlan(plan));
  if (!tree.success) throw new AppError("TOO_MANY");
  const fileTitle = input.sourceName?.replace(/\.[A-Za-z]{2,4}$/, "").trim();
  const title = (plan.title || fileTitle || "未命名计划").slice(0, 200);
  const period = guessPeriod(title);
  const draft = await db.planDraft.create({
    data: {
      title,
      kind: guessKind(title),
      periodStart: day(period.periodStart),
      periodEnd: day(period.periodEnd),
      issuingOrgId,
      tree: tree.data as unknown as Prisma.InputJsonValue,
      sourceName: input.sourceName?.slice(0, 200) ?? null,
      createdById: actor.id,
    },
    select: { id: true },
  });
  return { draftId: draft.id };
}
