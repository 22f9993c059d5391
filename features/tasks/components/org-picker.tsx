"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useDebouncedSearch } from "@/lib/use-debounced-search";
import { searchTargetOrgsAction } from "../actions";

export type TOrgOption = { id: number; name: string; code: string };

/** Search orgs below the assigning org and collect several of them. */
export function OrgPicker({
  value,
  onChange,
  parentTaskId,
}: {
  value: TOrgOption[];
  onChange: (orgs: TOrgOption[]) => void;
  parentTaskId?: number;
}) {
  const t = useTranslations("tasks.assign");
  const p = useTranslations("punct");
  const [q, setQ] = useState("");
  const { results, state } = useDebouncedSearch<TOrgOption>(
    (query) => searchTargetOrgsAction({ q: query, parentTaskId }),
    q,
    String(parentTaskId ?? ""),
  );
  const loading = state === "loading";
  const chosen = new Set(value.map((o) => o.id));
  return (
    <div className="grid gap-2">
      <input
        type="search"
        value={q}
        onChange={(e) => setQ(e.target.value.trim())}
        placeholder={t("searchOrgs")}
        aria-label={t("searchOrgs")}
        className="h-10 rounded-md border border-slate-300 px-3 text-sm"
      />
      <ul
        className="max-h-56 overflow-y-auto rounded-md border border-slate-200"
        aria-busy={loading}
        data-testid="org-results"
      >
        {results.length === 0 && !loading ? (
          <li className="p-3 text-sm text-slate-500">{t("noOrgs")}</li>
        ) : null}
        {results.map((o) => (
          <li key={o.id} className="border-b border-slate-100 last:border-0">
            <label className="flex min-h-10 cursor-pointer items-center gap-2 px-3 text-sm">
              <input
                type="checkbox"
                className="size-4 accent-brand-600"
                checked={chosen.has(o.id)}
                onChange={(e) =>
                  onChange(e.target.checked ? [...value, o] : value.filter((v) => v.id !== o.id))
                }
              />
              <span className="flex-1">{o.name}</span>
              <span className="font-mono text-xs text-slate-500">{o.code}</span>
            </label>
          </li>
        ))}
      </ul>
      {value.length ? (
        <div className="flex flex-wrap gap-1.5" aria-label={t("chosen", { count: value.length })}>
          <span className="text-sm text-slate-600">
            {t("chosen", { count: value.length })}
            {p("colon")}
          </span>
          {value.map((o) => (
            <button
              key={o.id}
              type="button"
              onClick={() => onChange(value.filter((v) => v.id !== o.id))}
              className="rounded-full bg-brand-50 px-2.5 py-1 text-xs text-brand-700 hover:bg-brand-100"
              aria-label={`${t("remove")} ${o.name}`}
            >
              {o.name} ×
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
