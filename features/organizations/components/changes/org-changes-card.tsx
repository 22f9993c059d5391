"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Card, CardHeader } from "@/components/ui/card";
import { ActionDialog } from "@/features/tasks/components/action-dialog";
import { CloseOrgForm } from "./close-org-form";
import { MergeOrgForm } from "./merge-org-form";
import { MoveOrgForm } from "./move-org-form";
import { RenameOrgForm } from "./rename-org-form";

type TDialog = "rename" | "move" | "merge" | "close" | null;

/** 单位调整: the four tree changes, each in its dialog; move, merge and close for grassroots unions only. */
export function OrgChangesCard({
  org,
  grassroots,
}: {
  org: { id: number; name: string };
  grassroots: boolean;
}) {
  const t = useTranslations("orgChanges");
  const [open, setOpen] = useState<TDialog>(null);
  const toggle = (d: Exclude<TDialog, null>) => (o: boolean) => setOpen(o ? d : null);
  const done = () => setOpen(null);
  return (
    <Card className="mb-4" data-testid="org-changes">
      <CardHeader title={t("title")} />
      <div className="grid gap-3 px-4 py-3">
        <p className="text-sm text-slate-600">{t("hint")}</p>
        <div className="flex flex-wrap gap-2">
          <ActionDialog
            label={t("rename.open")}
            title={t("rename.title")}
            open={open === "rename"}
            onOpenChange={toggle("rename")}
            testId="org-rename"
          >
            <RenameOrgForm orgId={org.id} name={org.name} onDone={done} />
          </ActionDialog>
          {grassroots ? (
            <>
              <ActionDialog
                label={t("move.open")}
                title={t("move.title")}
                description={t("move.description")}
                open={open === "move"}
                onOpenChange={toggle("move")}
                testId="org-move"
              >
                <MoveOrgForm org={org} onDone={done} />
              </ActionDialog>
              <ActionDialog
                label={t("merge.open")}
                title={t("merge.title")}
                description={t("merge.description")}
                open={open === "merge"}
                onOpenChange={toggle("merge")}
                testId="org-merge"
              >
                <MergeOrgForm org={org} onDone={done} />
              </ActionDialog>
              <ActionDialog
                label={t("close.open")}
                title={t("close.title")}
                description={t("close.description")}
                variant="danger"
                open={open === "close"}
                onOpenChange={toggle("close")}
                testId="org-close"
              >
                <CloseOrgForm org={org} onDone={done} />
              </ActionDialog>
            </>
          ) : null}
        </div>
      </div>
    </Card>
  );
}
