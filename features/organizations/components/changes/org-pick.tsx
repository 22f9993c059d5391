"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useDebouncedSearch } from "@/lib/use-debounced-search";
import { searchOrgChangeTargetsAction } from "../../actions";

export type TPickedOrg = { id: number; name: string; code: string };

/** Open counties or grassroots unions of the caller's subtree, searched by name or code; one is chosen. */
export function OrgPick({
  id,
  orgId,
  level,
  placeholder,
  value,
  onChange,
  invalid,
}: {
  id: string;
  orgId: number;
  level: "COUNTY" | "GRASSROOTS";
  placeholder: string;
  value: number;
  onChange: (o: TPickedOrg) => void;
  invalid?: boolean;
}) {
  const t = useTranslations("orgChanges.pick");
  const [q, setQ] = useState("");
  const { results, state } = useDebouncedSearch<TPickedOrg>(
    (query) => searchOrgChangeTargetsAction({ orgId, level, q: query }),
    q,
    `${orgId}:${level}`,
  );
  const loading = state === "loading";
  return (
    <div className="grid gap-2">
      <input
        id={id}
        type="search"
        value={q}
        onChange={(e) => setQ(e.target.value.trim())}
        placeholder={placeholder}
        aria-invalid={invalid}
        className="h-10 w-full min-w-0 rounded-md border border-slate-300 px-3 text-sm aria-invalid:border-red-500"
      />
      <ul
        className="max-h-44 overflow-y-auto rounded-md border border-slate-200"
        aria-busy={loading}
        data-testid={`${id}-results`}
      >
        {results.length === 0 && !loading ? (
          <li className="p-3 text-sm text-slate-500">{t("none")}</li>
        ) : null}
        {results.map((o) => (
          <li key={o.id} className="border-b border-slate-100 last:border-0">
            <label className="flex min-h-10 cursor-pointer items-center gap-2 px-3 py-1 text-sm">
              <input
                type="radio"
                name={id}
                className="size-4 shrink-0 accent-brand-600"
                checked={value === o.id}
                onChange={() => onChange(o)}
              />
              <span className="min-w-0 flex-1 break-words">{o.name}</span>
              <span className="shrink-0 font-mono text-xs text-slate-500">{o.code}</span>
            </label>
          </li>
        ))}
      </ul>
    </div>
  );
}
