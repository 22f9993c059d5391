import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { DraftEditor } from "@/features/plan-import/components/draft-editor";
import { getDraft, listIssuers } from "@/features/plan-import/server/get-draft";
import { requirePagePermission } from "@/lib/auth/session";
import { pageTitle } from "@/lib/i18n/page-title";
import { parseId } from "@/lib/input";

export const generateMetadata = pageTitle("planImport.preview.title");

export default async function PlanDraftPage({ params }: { params: Promise<{ draftId: string }> }) {
  const user = await requirePagePermission("plan:manage");
  const draftId = parseId((await params).draftId);
  const draft = draftId === null ? null : await getDraft(user, draftId);
  if (!draft) notFound();
  const t = await getTranslations("planImport.preview");
  const issuers = await listIssuers(user);
  // The draft's issuer stays selectable even when it is deeper than the list goes.
  if (!issuers.some((o) => o.id === draft.meta.issuingOrgId))
    issuers.push({ id: draft.meta.issuingOrgId, name: draft.issuingOrgName });
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <DraftEditor
        draftId={draft.id}
        initial={{ meta: draft.meta, tree: draft.tree, version: draft.version }}
        issuers={issuers}
      />
    </>
  );
}
