"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";
import { LinkPending } from "@/components/ui/link-pending";

export type TNavItem = { href: string; label: string; badge?: number };

export function NavLinks({ items, label }: { items: TNavItem[]; label: string }) {
  const pathname = usePathname();
  const active = (href: string) =>
    href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
  return (
    <nav aria-label={label} className="-mb-px flex gap-1 overflow-x-auto">
      {items.map((it) => (
        <Link
          key={it.href}
          href={it.href}
          aria-current={active(it.href) ? "page" : undefined}
          className={cn(
            "relative shrink-0 border-b-2 px-3 py-2.5 text-sm font-medium whitespace-nowrap",
            active(it.href)
              ? "border-brand-600 text-brand-700"
              : "border-transparent text-slate-600 hover:text-slate-900",
          )}
        >
          {it.label}
          {it.badge ? (
            <span className="ml-1 rounded-full bg-brand-600 px-1.5 text-xs text-white tabular-nums">
              {it.badge > 99 ? "99+" : it.badge}
            </span>
          ) : null}
          <LinkPending />
        </Link>
      ))}
    </nav>
  );
}
