"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { planImportDiscardAction, planImportPublishAction } from "../actions";
import { applyEdit, countMeasures, type TDraftEdit } from "../lib/draft-tree";
import { PLAN_KINDS, ZPublishable } from "../schemas";
import { DraftMetaFields } from "./draft-meta-fields";
import { DraftNode } from "./draft-node";
import { useDraftAutosave, type TDraftState } from "./use-draft-autosave";
import { usePlanErrorText, usePlanFieldText } from "./use-plan-error";

type TProps = {
  draftId: number;
  initial: TDraftState & { version: number };
  issuers: { id: number; name: string }[];
};

/** The editable preview of a draft: plan fields, the tree with each node's source, publish. */
export function DraftEditor({ draftId, initial, issuers }: TProps) {
  const t = useTranslations("planImport.preview");
  const errorText = usePlanErrorText();
  const fieldText = usePlanFieldText();
  const router = useRouter();
  const { state, status, fieldErrors, update, settle } = useDraftAutosave(draftId, initial);
  const [problems, setProblems] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const prefix = state.meta.codePrefix.trim().toUpperCase() || "?";
  const edit = (e: TDraftEdit) => update({ ...state, tree: applyEdit(state.tree, e) });

  async function publish() {
    setBusy(true);
    try {
      const version = await settle();
      const check = ZPublishable.safeParse({ ...state.meta, tree: state.tree });
      if (!check.success)
        return setProblems([...new Set(check.error.issues.map((i) => fieldText(i.message)!))]);
      setProblems([]);
      if (version === null) return toast.error(t("saveFailed"));
      const r = await planImportPublishAction({ draftId, version });
      if (!r.ok) {
        const fields = Object.values(r.fieldErrors ?? {}).map((c) => fieldText(c)!);
        return fields.length ? setProblems(fields) : toast.error(errorText(r.code));
      }
      toast.success(t("published", { measures: r.data.measures }));
      router.push(`/plans/${r.data.planId}/edit`);
    } finally {
      setBusy(false);
    }
  }

  async function discard() {
    if (!window.confirm(t("discardConfirm"))) return;
    const r = await planImportDiscardAction({ draftId });
    if (r.ok) router.push("/plans/import");
    else toast.error(errorText(r.code));
  }

  const statusText =
    status === "saving"
      ? t("saving")
      : status === "saved"
        ? t("saved")
        : status === "conflict"
          ? t("conflict")
          : t("saveFailed");
  return (
    <div className="grid gap-4">
      <Card className="p-4">
        <DraftMetaFields
          meta={state.meta}
          kinds={PLAN_KINDS}
          issuers={issuers}
          errors={fieldErrors}
          fieldText={fieldText}
          onChange={(meta, typing) => update({ ...state, meta }, typing ? 600 : 0)}
        />
      </Card>
      <Card>
        <CardHeader
          title={t("tree")}
          action={
            <span
              role="status"
              data-testid="save-status"
              className={`text-xs ${status === "saved" || status === "saving" ? "text-slate-500" : "text-red-700"}`}
            >
              {statusText}
              {status === "conflict" ? (
                <button type="button" className="ml-2 underline" onClick={() => router.refresh()}>
                  {t("reload")}
                </button>
              ) : null}
            </span>
          }
        />
        <div className="grid gap-3 p-3">
          <p className="text-sm text-slate-600" data-testid="draft-counts">
            {t("measures", { mainTasks: state.tree.nodes.length, measures: countMeasures(state.tree) })}
          </p>
          {state.tree.sourceText ? (
            <details className="rounded-md bg-slate-50 p-2 text-xs text-slate-600">
              <summary className="cursor-pointer font-medium">{t("planSource")}</summary>
              <p className="mt-1 leading-relaxed">{state.tree.sourceText}</p>
            </details>
          ) : null}
          {state.tree.nodes.length === 0 ? <p className="text-sm text-amber-800">{t("empty")}</p> : null}
          <ul className="grid gap-2">
            {state.tree.nodes.map((n, i) => (
              <DraftNode
                key={n.id}
                node={n}
                depth={1}
                code={`${prefix}.${i + 1}`}
                first={i === 0}
                last={i === state.tree.nodes.length - 1}
                onEdit={edit}
              />
            ))}
          </ul>
        </div>
      </Card>
      {problems.length > 0 ? (
        <div role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800">
          <p className="font-medium">{t("problems")}</p>
          <ul className="mt-1 list-disc pl-5">
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <Button type="button" onClick={publish} disabled={busy}>
          {busy ? t("publishing") : t("publish")}
        </Button>
        <Button type="button" variant="secondary" onClick={discard}>
          {t("discard")}
        </Button>
      </div>
    </div>
  );
}
