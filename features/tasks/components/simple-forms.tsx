"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { commentOnTaskAction, decideExtensionAction, nudgeTaskAction, signTaskAction } from "../actions";
import type { TActionResult } from "@/lib/errors";
import { useTaskAction } from "./use-task-action";

/** A change with no input (签收, 撤回上报) after a confirmation. */
export function ConfirmForm({
  taskId,
  version,
  onDone,
  text,
  label,
  action,
  variant,
}: {
  taskId: number;
  version: number;
  onDone: () => void;
  text: string;
  label: string;
  action: (v: unknown) => Promise<TActionResult<unknown>>;
  variant?: "primary" | "danger";
}) {
  const run = useTaskAction();
  const [busy, setBusy] = useState(false);
  return (
    <div className="grid gap-3">
      <p className="text-sm text-slate-600">{text}</p>
      <Button
        disabled={busy}
        variant={variant}
        onClick={async () => {
          setBusy(true);
          await run(action({ taskId, version }), onDone);
          setBusy(false);
        }}
      >
        {label}
      </Button>
    </div>
  );
}

/** 签收 after a confirmation. */
export function SignForm(p: { taskId: number; version: number; onDone: () => void }) {
  const t = useTranslations("tasks");
  return <ConfirmForm {...p} text={t("form.confirmSign")} label={t("action.sign")} action={signTaskAction} />;
}

/** 催办 with an optional message. */
export function NudgeForm({ taskId, onDone }: { taskId: number; onDone: () => void }) {
  const t = useTranslations("tasks");
  const run = useTaskAction();
  const [message, setMessage] = useState("");
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="grid gap-3"
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        await run(nudgeTaskAction({ taskId, message }), onDone);
        setBusy(false);
      }}
    >
      <Field id="nudge-message" label={t("form.nudgeMessage")}>
        <Input
          id="nudge-message"
          maxLength={200}
          placeholder={t("form.nudgePlaceholder")}
          value={message}
          onChange={(e) => setMessage(e.target.value)}
        />
      </Field>
      <Button type="submit" disabled={busy}>
        {t("action.nudge")}
      </Button>
    </form>
  );
}

/** Approve or reject one pending extension request. */
export function ExtensionDecisionForm({
  taskId,
  version,
  extensionId,
  onDone,
}: {
  taskId: number;
  version: number;
  extensionId: number;
  onDone: () => void;
}) {
  const t = useTranslations("tasks.form");
  const run = useTaskAction();
  const [note, setNote] = useState("");
  const [busy, setBusy] = useState(false);
  const decide = async (approve: boolean) => {
    setBusy(true);
    await run(decideExtensionAction({ taskId, version, extensionId, approve, note }), onDone);
    setBusy(false);
  };
  return (
    <div className="grid gap-3">
      <Field id={`ext-note-${extensionId}`} label={t("decisionNote")}>
        <Input
          id={`ext-note-${extensionId}`}
          maxLength={500}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </Field>
      <div className="flex gap-2">
        <Button disabled={busy} onClick={() => decide(true)}>
          {t("approveExt")}
        </Button>
        <Button disabled={busy} variant="danger" onClick={() => decide(false)}>
          {t("rejectExt")}
        </Button>
      </div>
    </div>
  );
}

/** A comment on the timeline. */
export function CommentForm({ taskId }: { taskId: number }) {
  const t = useTranslations("tasks.detail");
  const run = useTaskAction();
  const [message, setMessage] = useState("");
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="flex gap-2"
      onSubmit={async (e) => {
        e.preventDefault();
        if (!message.trim()) return;
        setBusy(true);
        if (await run(commentOnTaskAction({ taskId, message }))) setMessage("");
        setBusy(false);
      }}
    >
      <label className="flex-1">
        <span className="sr-only">{t("comment")}</span>
        <input
          value={message}
          onChange={(e) => setMessage(e.target.value)}
          maxLength={1000}
          placeholder={t("commentPlaceholder")}
          className="h-10 w-full rounded-md border border-slate-300 px-3 text-sm"
        />
      </label>
      <Button type="submit" disabled={busy || !message.trim()}>
        {t("send")}
      </Button>
    </form>
  );
}
