import "server-only";
import { createDraft } from "./create-draft";
import { requirePlanManage, type TPlanActor } from "./draft-scope";
import { readPlanDocument } from "./read-document";

/** An uploaded .docx / .txt → a new draft. A file that cannot be read writes nothing. */
export async function importPlanFile(
  actor: TPlanActor,
  input: { bytes: Uint8Array; name: string; issuingOrgId?: number },
): Promise<{ draftId: number }> {
  requirePlanManage(actor);
  const text = await readPlanDocument(input.bytes);
  return createDraft(actor, { text, sourceName: input.name.slice(0, 200), issuingOrgId: input.issuingOrgId });
}
