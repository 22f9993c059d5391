"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useDebouncedSearch } from "@/lib/use-debounced-search";
import { searchManagedOrgsAction } from "../actions";

export type TOrgChoice = { id: number; name: string; code: string };

/** Search the orgs of the manager's subtree by name or code and choose one (like the assign form's picker). */
export function OrgSelect({
  id,
  value,
  onChange,
  invalid,
}: {
  id: string;
  value: TOrgChoice | null;
  onChange: (org: TOrgChoice) => void;
  invalid?: boolean;
}) {
  const t = useTranslations("users.orgPicker");
  const [q, setQ] = useState("");
  const { results, state } = useDebouncedSearch<TOrgChoice>(
    (query) => searchManagedOrgsAction({ q: query }),
    q,
  );
  return (
    <div className="grid gap-2">
      <p className="text-sm text-slate-700" data-testid="org-chosen">
        {value ? (
          <>
            {t("chosen")}
            <span className="font-medium">{value.name}</span>
            <span className="ml-1 font-mono text-xs text-slate-500">{value.code}</span>
          </>
        ) : (
          <span className="text-slate-500">{t("none")}</span>
        )}
      </p>
      <input
        id={id}
        type="search"
        value={q}
        onChange={(e) => setQ(e.target.value.trim())}
        placeholder={t("search")}
        aria-invalid={invalid}
        className="h-10 rounded-md border border-slate-300 px-3 text-sm aria-invalid:border-red-500"
      />
      <ul
        className="max-h-56 overflow-y-auto rounded-md border border-slate-200"
        aria-busy={state === "loading"}
        aria-label={t("results")}
        data-testid="org-options"
      >
        {state === "error" ? <li className="p-3 text-sm text-red-700">{t("error")}</li> : null}
        {state === "ready" && results.length === 0 ? (
          <li className="p-3 text-sm text-slate-500">{t("empty")}</li>
        ) : null}
        {state === "loading" && results.length === 0 ? (
          <li className="p-3 text-sm text-slate-500">{t("loading")}</li>
        ) : null}
        {results.map((o) => (
          <li key={o.id} className="border-b border-slate-100 last:border-0">
            <label className="flex min-h-10 cursor-pointer items-center gap-2 px-3 text-sm">
              <input
                type="radio"
                name={`${id}-choice`}
                className="size-4 accent-brand-600"
                checked={value?.id === o.id}
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
