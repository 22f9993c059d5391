"use client";
import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { countPickedMeasures, filterObjectives } from "../lib/filter-objectives";

export type TPickNode = {
  id: number;
  code: string;
  title: string;
  level: "MAIN_TASK" | "SUB_ITEM" | "MEASURE";
};

const isUnder = (code: string, ancestor: string) => code.startsWith(`${ancestor}.`);

/**
 * Tick main tasks, sub-items or single measures. A ticked parent implies all its measures
 * (the server expands it), so its descendants show as ticked and locked.
 */
export function ObjectivePicker({
  nodes,
  value,
  onChange,
}: {
  nodes: TPickNode[];
  value: number[];
  onChange: (ids: number[]) => void;
}) {
  const t = useTranslations("tasks.assign");
  const [filter, setFilter] = useState("");
  const byId = useMemo(() => new Map(nodes.map((n) => [n.id, n])), [nodes]);
  const picked = value.map((id) => byId.get(id)).filter((n): n is TPickNode => !!n);
  const implied = (n: TPickNode) => picked.some((p) => isUnder(n.code, p.code));
  const measures = countPickedMeasures(nodes, value);
  const toggle = (n: TPickNode, on: boolean) => {
    const rest = value.filter((id) => {
      const o = byId.get(id);
      return o && o.id !== n.id && !isUnder(o.code, n.code);
    });
    onChange(on ? [...rest, n.id] : rest);
  };
  const shown = useMemo(() => filterObjectives(nodes, filter), [nodes, filter]);
  return (
    <div>
      <div className="mb-2 flex flex-wrap items-center gap-2">
        <input
          type="search"
          value={filter}
          onChange={(e) => setFilter(e.target.value.trim())}
          placeholder={t("filterObjectives")}
          aria-label={t("filterObjectives")}
          className="h-9 min-w-0 flex-1 rounded-md border border-slate-300 px-3 text-sm"
        />
        <span className="text-sm text-brand-700" data-testid="measure-count">
          {t("selected", { count: measures })}
        </span>
      </div>
      <ul
        className="max-h-80 overflow-y-auto rounded-md border border-slate-200"
        data-testid="objective-picker"
      >
        {shown.length === 0 ? (
          <li className="p-3 text-sm text-slate-500">{t("noObjectives", { q: filter })}</li>
        ) : null}
        {shown.map((n) => {
          const locked = implied(n);
          const checked = locked || value.includes(n.id);
          const pad =
            n.level === "MAIN_TASK"
              ? "pl-2 font-semibold"
              : n.level === "SUB_ITEM"
                ? "pl-6 font-medium"
                : "pl-10";
          return (
            <li key={n.id} className="border-b border-slate-100 last:border-0">
              <label className={`flex min-h-10 cursor-pointer items-start gap-2 py-2 pr-2 text-sm ${pad}`}>
                <input
                  type="checkbox"
                  className="mt-0.5 size-4 shrink-0 accent-brand-600"
                  checked={checked}
                  disabled={locked}
                  onChange={(e) => toggle(n, e.target.checked)}
                />
                <span>
                  <span className="mr-1 font-mono text-xs text-slate-500">{n.code}</span>
                  {n.title}
                </span>
              </label>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
