"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { cancelTaskAction, handBackTaskAction, withdrawCompletionAction } from "../actions";
import type { TTaskAction } from "../lib/state-machine";
import { ActionDialog } from "./action-dialog";
import { CompletionForm, type TOpenChildren } from "./completion-form";
import { NudgeChildrenForm } from "./nudge-children-form";
import { TransferForm } from "./transfer-form";
import { ExtensionRequestForm, ReassignForm } from "./due-forms";
import { ReasonForm } from "./reason-form";
import { ReviewForm } from "./review-form";
import { ConfirmForm, ExtensionDecisionForm, NudgeForm, SignForm } from "./simple-forms";
import { StaffForm, type TStaffOption } from "./staff-form";

export type TActionPanelProps = {
  taskId: number;
  version: number;
  actions: TTaskAction[];
  dueDate: string;
  staff: TStaffOption[];
  current: { responsibleId: number | null; helperIds: number[] };
  pendingExtension: { id: number; label: string } | null;
  /** Who reviews a 办结 report (the assigning org), named before it is sent. */
  reviewOrgName?: string;
  /** Tasks passed down from this one: still unsigned / open (warned before 办结), and worth a 催办. */
  subTasks?: TOpenChildren & { nudgeable: number };
};

/** The buttons for what this user may do now; each opens a dialog with its form. */
export function TaskActions(p: TActionPanelProps) {
  const t = useTranslations("tasks");
  const [open, setOpen] = useState<string | null>(null);
  const has = (a: TTaskAction) => p.actions.includes(a);
  const dialog = (
    key: TTaskAction,
    { variant, description }: { variant: "primary" | "secondary" | "danger"; description?: string },
    body: (close: () => void) => React.ReactNode,
  ) => (
    <ActionDialog
      key={key}
      testId={`action-${key}`}
      label={t(`action.${key}`)}
      title={t(`action.${key}`)}
      description={description}
      variant={variant}
      open={open === key}
      onOpenChange={(o) => setOpen(o ? key : null)}
    >
      {body(() => setOpen(null))}
    </ActionDialog>
  );
  const ref = { taskId: p.taskId, version: p.version };
  const buttons = [
    has("sign") && dialog("sign", { variant: "primary" }, (close) => <SignForm {...ref} onDone={close} />),
    has("logProgress") && (
      <Button key="logProgress" asChild data-testid="action-logProgress">
        <Link href={`/tasks/${p.taskId}/progress`}>{t("action.logProgress")}</Link>
      </Button>
    ),
    has("assignStaff") &&
      dialog("assignStaff", { variant: "secondary" }, (close) => (
        <StaffForm {...ref} staff={p.staff} current={p.current} onDone={close} />
      )),
    has("submit") &&
      dialog(
        "submit",
        {
          variant: "primary",
          description: p.reviewOrgName ? t("form.submitTo", { org: p.reviewOrgName }) : undefined,
        },
        (close) => <CompletionForm {...ref} openChildren={p.subTasks} onDone={close} />,
      ),
    has("withdraw") &&
      dialog("withdraw", { variant: "secondary" }, (close) => (
        <ConfirmForm
          {...ref}
          text={t("form.confirmWithdraw")}
          label={t("action.withdraw")}
          action={withdrawCompletionAction}
          variant="danger"
          onDone={close}
        />
      )),
    has("approve") &&
      dialog("approve", { variant: "primary" }, (close) => (
        <ReviewForm {...ref} decision="APPROVED" onDone={close} />
      )),
    has("return") &&
      dialog("return", { variant: "danger" }, (close) => (
        <ReviewForm {...ref} decision="RETURNED" onDone={close} />
      )),
    has("decideExtension") &&
      p.pendingExtension &&
      dialog("decideExtension", { variant: "primary", description: p.pendingExtension.label }, (close) => (
        <ExtensionDecisionForm {...ref} extensionId={p.pendingExtension!.id} onDone={close} />
      )),
    has("reassign") &&
      dialog("reassign", { variant: "primary" }, (close) => <ReassignForm {...ref} onDone={close} />),
    has("transfer") &&
      dialog("transfer", { variant: "secondary" }, (close) => <TransferForm {...ref} onDone={close} />),
    has("nudgeChildren") &&
      (p.subTasks?.nudgeable ?? 0) > 0 &&
      dialog("nudgeChildren", { variant: "secondary" }, (close) => (
        <NudgeChildrenForm taskId={p.taskId} count={p.subTasks!.nudgeable} onDone={close} />
      )),
    has("cascade") && (
      <Button key="cascade" variant="secondary" asChild data-testid="action-cascade">
        <Link href={`/tasks/new?parent=${p.taskId}`}>{t("action.cascade")}</Link>
      </Button>
    ),
    has("requestExtension") &&
      !p.pendingExtension &&
      dialog("requestExtension", { variant: "secondary" }, (close) => (
        <ExtensionRequestForm {...ref} minDue={p.dueDate} onDone={close} />
      )),
    has("nudge") &&
      dialog("nudge", { variant: "secondary" }, (close) => <NudgeForm taskId={p.taskId} onDone={close} />),
    has("handBack") &&
      dialog("handBack", { variant: "danger" }, (close) => (
        <ReasonForm {...ref} action={handBackTaskAction} submitLabel={t("action.handBack")} onDone={close} />
      )),
    has("cancel") &&
      dialog("cancel", { variant: "danger", description: t("form.confirmCancel") }, (close) => (
        <ReasonForm {...ref} action={cancelTaskAction} submitLabel={t("action.cancel")} onDone={close} />
      )),
  ].filter(Boolean);
  if (buttons.length === 0) return <p className="text-sm text-slate-500">{t("detail.noActions")}</p>;
  return <div className="flex flex-wrap gap-2">{buttons}</div>;
}
