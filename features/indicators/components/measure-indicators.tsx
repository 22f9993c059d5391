"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-dialog";
import { addIndicatorAction, retireIndicatorAction, updateIndicatorAction } from "../actions";
import type { TIndicatorDef } from "../lib/types";
import { IndicatorForm } from "./indicator-form";
import { usePlanIndicators } from "./plan-indicators-context";

/** A measure's indicators on the plan edit page: list, add, edit, retire (with confirmation). */
export function MeasureIndicators({ measureId, retired }: { measureId: number; retired: boolean }) {
  const t = useTranslations("indicators");
  const errors = useTranslations("errors");
  const router = useRouter();
  const list = usePlanIndicators(measureId);
  const [editing, setEditing] = useState<number | "new" | null>(null);
  if (list === null || (retired && list.length === 0)) return null;
  const done = (text: string) => {
    toast.success(text);
    router.refresh();
  };
  async function retire(ind: TIndicatorDef) {
    const r = await retireIndicatorAction({ indicatorId: ind.id });
    if (!r.ok) toast.error(errors(r.code));
    else done(t("retiredDone"));
  }
  const summary = (i: TIndicatorDef) =>
    t("summary", {
      name: i.name,
      unit: i.unit,
      aggregation: t(`aggregation.${i.aggregation}`),
      direction: t(`direction.${i.direction}`),
    });
  return (
    <section className="mt-2 border-t border-slate-100 pt-2" data-testid="measure-indicators">
      <h3 className="text-xs font-semibold text-slate-600">{t("title")}</h3>
      {list.length === 0 ? <p className="text-xs text-slate-500">{t("none")}</p> : null}
      <ul className="mt-1 grid gap-1">
        {list.map((i) => (
          <li key={i.id} className="text-sm" data-testid="indicator-row">
            <div className="flex flex-wrap items-center gap-2">
              <span className={`break-words ${i.retired ? "text-slate-400 line-through" : "text-slate-800"}`}>
                {summary(i)}
              </span>
              {i.retired ? <Badge tone="gray">{t("retired")}</Badge> : null}
              {i.retired || retired ? null : (
                <>
                  <Button size="sm" variant="ghost" onClick={() => setEditing(i.id)}>
                    {t("edit")}
                  </Button>
                  <ConfirmButton
                    variant="secondary"
                    label={t("retire")}
                    title={t("retireTitle", { name: i.name })}
                    body={t("retireBody")}
                    confirmLabel={t("confirmRetire")}
                    cancelLabel={t("cancel")}
                    onConfirm={() => retire(i)}
                  />
                </>
              )}
            </div>
            {editing === i.id ? (
              <IndicatorForm
                idPrefix={`ind-${i.id}`}
                initial={{ name: i.name, unit: i.unit, aggregation: i.aggregation, direction: i.direction }}
                onCancel={() => setEditing(null)}
                onSubmit={async (v) => {
                  const r = await updateIndicatorAction({ indicatorId: i.id, ...v });
                  if (r.ok) done(t("savedDone"));
                  return r;
                }}
              />
            ) : null}
          </li>
        ))}
      </ul>
      {retired ? null : editing === "new" ? (
        <IndicatorForm
          idPrefix={`ind-new-${measureId}`}
          onCancel={() => setEditing(null)}
          onSubmit={async (v) => {
            const r = await addIndicatorAction({ objectiveId: measureId, ...v });
            if (r.ok) done(t("addedDone"));
            return r;
          }}
        />
      ) : (
        <Button size="sm" variant="secondary" className="mt-1" onClick={() => setEditing("new")}>
          {t("add")}
        </Button>
      )}
    </section>
  );
}
