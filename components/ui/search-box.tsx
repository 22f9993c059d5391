import { Search } from "lucide-react";

/** A plain GET search form: works without JavaScript and keeps the query in the URL. */
export function SearchBox({
  name = "q",
  defaultValue,
  placeholder,
  label,
  submitLabel,
}: {
  name?: string;
  defaultValue?: string;
  placeholder: string;
  label: string;
  submitLabel: string;
}) {
  return (
    <form role="search" className="flex gap-2" method="get">
      <label className="relative flex-1">
        <span className="sr-only">{label}</span>
        <Search
          className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-slate-400"
          aria-hidden
        />
        <input
          type="search"
          name={name}
          defaultValue={defaultValue}
          placeholder={placeholder}
          maxLength={50}
          className="h-10 w-full rounded-md border border-slate-300 bg-white pr-3 pl-9 text-sm focus:border-brand-600 focus:outline-none"
        />
      </label>
      <button
        type="submit"
        className="h-10 shrink-0 rounded-md bg-slate-800 px-4 text-sm font-medium text-white hover:bg-slate-900"
      >
        {submitLabel}
      </button>
    </form>
  );
}
