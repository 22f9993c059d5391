"use client";
import { useTranslations } from "next-intl";
import { useEffect, useMemo, useState } from "react";
import type { z } from "zod";
import type { TAssignTasks, ZAssignTasks } from "@/features/tasks/schemas";
import { singleMeasureId } from "../lib/pick-measure";
import { sendable, targetsOf, type TSplitState } from "../lib/split-state";
import { MAX_SPLIT_RECIPIENTS } from "../schemas";
import type { TAssignIndicators } from "../server/assign-indicators";
import { IndicatorSplit } from "./indicator-split";
import { useRecipients } from "./use-recipients";

/** What the form sends (numbers; the server reads them as exact decimal text). */
type TTargets = NonNullable<z.input<typeof ZAssignTasks>["indicatorTargets"]>;

/**
 * The 下达/分解 form's indicator section: when the choice stands for exactly one measure with
 * indicators, a target split per indicator across the receiving orgs. Reports what to send
 * (undefined when nothing is split) and whether it is complete (the form waits until it is).
 */
export function IndicatorTargets(p: {
  data: TAssignIndicators;
  nodes: readonly { id: number; code: string; level: string }[];
  objectiveIds: readonly number[];
  fixedObjectiveId?: number;
  target: TAssignTasks["target"];
  parentTaskId?: number;
  onChange: (targets: TTargets | undefined, ready: boolean) => void;
}) {
  const t = useTranslations("indicators.targets");
  const measureId = p.fixedObjectiveId ?? singleMeasureId(p.nodes, p.objectiveIds);
  const anyWithIndicators = p.nodes.some((n) => (p.data.byMeasure[n.id]?.length ?? 0) > 0);
  const list = measureId === null ? [] : (p.data.byMeasure[measureId] ?? []);
  const [states, setStates] = useState<Record<number, TSplitState>>({});
  const stateOf = (id: number): TSplitState => states[id] ?? stateOfDefault(p.data, id);
  const anyOn = list.some((i) => stateOf(i.id).on);
  const recipients = useRecipients(p.target, p.parentTaskId, anyOn);
  const rows = recipients.state === "ready" ? recipients.rows : [];

  const out = useMemo(() => {
    const send: TTargets = [];
    let ready = recipients.state !== "loading";
    for (const i of list) {
      const s = states[i.id] ?? stateOfDefault(p.data, i.id);
      if (!s.on) continue;
      const one = sendable(i.id, targetsOf(s, rows), rows);
      if (one) send.push(one);
      else if (recipients.state === "ready") ready = false;
    }
    return { send: send.length ? send : undefined, ready };
  }, [states, rows, recipients.state, measureId, p.data]);
  const key = JSON.stringify(out);
  const { onChange } = p;
  useEffect(() => {
    const v = JSON.parse(key) as typeof out;
    onChange(v.send, v.ready);
  }, [key, onChange]);

  if (measureId === null) {
    return anyWithIndicators && p.objectiveIds.length > 0 ? (
      <p className="rounded-md bg-slate-50 px-3 py-2 text-xs text-slate-600">{t("onlyOneMeasure")}</p>
    ) : null;
  }
  if (list.length === 0) return null;
  return (
    <section data-testid="indicator-targets">
      <h2 className="mb-1 font-semibold">{t("title")}</h2>
      <p className="mb-2 text-xs text-slate-500">{t("hint")}</p>
      {recipients.state === "loading" ? <p className="text-sm text-slate-600">{t("loading")}</p> : null}
      {recipients.state === "idle" && anyOn ? (
        <p className="text-sm text-slate-600">{t("noRecipients")}</p>
      ) : null}
      {recipients.state === "error" ? (
        <p role="alert" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {recipients.code === "TOO_MANY" ? t("tooMany", { max: MAX_SPLIT_RECIPIENTS }) : t("failed")}
        </p>
      ) : null}
      <div className="grid gap-4">
        {list.map((i) => (
          <IndicatorSplit
            key={i.id}
            indicator={i}
            state={stateOf(i.id)}
            recipients={rows}
            parentTask={p.parentTaskId !== undefined}
            onChange={(s) => setStates((all) => ({ ...all, [i.id]: s }))}
          />
        ))}
      </div>
    </section>
  );
}

/** A split starts on, typed, with the parent task's target as the total (分解) or none (下达). */
function stateOfDefault(data: TAssignIndicators, id: number): TSplitState {
  const parent = data.parentTargets[id];
  return {
    on: true,
    total: parent === undefined ? "" : String(parent),
    mode: "typed",
    typed: {},
    sheet: null,
  };
}
