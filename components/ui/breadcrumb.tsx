import Link from "next/link";
import { ChevronRight } from "lucide-react";

export type TCrumb = { label: string; href?: string };

export function Breadcrumb({ items, label }: { items: TCrumb[]; label: string }) {
  return (
    <nav aria-label={label} className="mb-3 overflow-x-auto text-sm text-slate-600">
      <ol className="flex min-w-max items-center gap-1">
        {items.map((c, i) => (
          <li key={`${c.label}-${i}`} className="flex items-center gap-1">
            {i > 0 ? <ChevronRight className="size-3.5 text-slate-400" aria-hidden /> : null}
            {c.href ? (
              <Link href={c.href} className="hover:text-brand-700 hover:underline">
                {c.label}
              </Link>
            ) : (
              <span aria-current="page" className="font-medium text-slate-900">
                {c.label}
              </span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
