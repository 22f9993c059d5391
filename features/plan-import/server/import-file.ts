import "server-only";
import type { TImportOptions } from "../schemas";
import { createDraft } from "./create-draft";
import { requirePlanManage, type TPlanActor } from "./draft-scope";
import { readPlanDocument } from "./read-document";

/** An uploaded .docx / .txt → a new draft. A file that cannot be read writes nothing. */
export async function importPlanFile(
  actor: TPlanActor,
  input: { bytes: Uint8Array; name: string } & TImportOptions,
): Promise<{ draftId: number }> {
  requirePlanManage(actor);
  const text = await readPlanDocument(input.bytes);
  const { issuingOrgId, part } = input;
  return createDraft(actor, { text, sourceName: input.name.slice(0, 200), issuingOrgId, part });
}
