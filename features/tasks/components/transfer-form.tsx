"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { useActionFeedback } from "@/lib/i18n/use-action-result";
import { useFieldError } from "@/lib/i18n/use-field-error";
import { useDebouncedSearch } from "@/lib/use-debounced-search";
import { searchTransferTargetsAction, transferTaskAction } from "../actions";
import { ZTransfer } from "../schemas";

type TOrg = { id: number; name: string; code: string };

/** Units below the assigning org, searched by name or code; one is chosen. */
function UnitSearch({
  taskId,
  value,
  onChange,
}: {
  taskId: number;
  value: number;
  onChange: (o: TOrg) => void;
}) {
  const t = useTranslations("tasks");
  const [q, setQ] = useState("");
  const { results, state } = useDebouncedSearch<TOrg>(
    (query) => searchTransferTargetsAction({ taskId, q: query }),
    q,
    String(taskId),
  );
  const loading = state === "loading";
  return (
    <div className="grid gap-2">
      <input
        id="transfer-org"
        type="search"
        value={q}
        onChange={(e) => setQ(e.target.value.trim())}
        placeholder={t("assign.searchOrgs")}
        className="h-10 rounded-md border border-slate-300 px-3 text-sm"
      />
      <ul
        className="max-h-48 overflow-y-auto rounded-md border border-slate-200"
        aria-busy={loading}
        data-testid="transfer-results"
      >
        {results.length === 0 && !loading ? (
          <li className="p-3 text-sm text-slate-500">{t("assign.noOrgs")}</li>
        ) : null}
        {results.map((o) => (
          <li key={o.id} className="border-b border-slate-100 last:border-0">
            <label className="flex min-h-10 cursor-pointer items-center gap-2 px-3 text-sm">
              <input
                type="radio"
                name="transfer-org"
                className="size-4 accent-brand-600"
                checked={value === o.id}
                onChange={() => onChange(o)}
              />
              <span className="flex-1">{o.name}</span>
              <span className="font-mono text-xs text-slate-500">{o.code}</span>
            </label>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** 转派: the assigner sends a handed-back task to another unit (same terms unless changed). */
export function TransferForm({
  taskId,
  version,
  onDone,
}: {
  taskId: number;
  version: number;
  onDone: () => void;
}) {
  const t = useTranslations("tasks");
  const fieldError = useFieldError();
  const router = useRouter();
  const [clientToken] = useState(() => crypto.randomUUID());
  const [chosen, setChosen] = useState<TOrg | null>(null);
  const form = useForm<z.input<typeof ZTransfer>>({
    resolver: zodResolver(ZTransfer),
    defaultValues: { taskId, version, clientToken, orgId: 0, dueDate: "", note: "" },
  });
  const feedback = useActionFeedback(form.setError);
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (v) => {
    const result = await transferTaskAction(v);
    if (!feedback(result)) return;
    if (!result.ok) return;
    toast.success(t("transfer.done", { org: chosen?.name ?? "" }));
    onDone();
    router.push(`/tasks/${result.data.taskId}`);
  });
  return (
    <form noValidate onSubmit={submit} className="grid gap-3">
      <p className="text-sm text-slate-600">{t("transfer.hint")}</p>
      <Field id="transfer-org" label={t("transfer.unit")} error={fieldError(errors.orgId)}>
        <UnitSearch
          taskId={taskId}
          value={chosen?.id ?? 0}
          onChange={(o) => {
            setChosen(o);
            form.setValue("orgId", o.id, { shouldValidate: true });
          }}
        />
      </Field>
      {chosen ? (
        <p className="text-sm text-slate-700" data-testid="transfer-chosen">
          {t("transfer.chosen", { org: chosen.name })}
        </p>
      ) : null}
      <Field id="transfer-due" label={t("transfer.newDue")} error={fieldError(errors.dueDate)}>
        <Input id="transfer-due" type="date" {...form.register("dueDate")} />
      </Field>
      <Field id="transfer-note" label={t("transfer.note")} error={fieldError(errors.note)}>
        <textarea
          id="transfer-note"
          rows={2}
          className="w-full rounded-md border border-slate-300 p-2 text-sm"
          {...form.register("note")}
        />
      </Field>
      <Button type="submit" disabled={isSubmitting || !chosen}>
        {chosen ? t("transfer.submit", { org: chosen.name }) : t("action.transfer")}
      </Button>
    </form>
  );
}
