"use client";
import { ChevronLeft, ChevronRight } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { cn } from "@/components/ui/cn";
import { LinkPending } from "@/components/ui/link-pending";

export type TNavItem = { href: string; label: string; badge?: number };

const fade =
  "pointer-events-none absolute inset-y-0 flex w-10 items-center from-white via-white/90 to-transparent";

export function NavLinks({ items, label }: { items: TNavItem[]; label: string }) {
  const pathname = usePathname();
  const active = (href: string) =>
    href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
  // On a phone the tabs scroll sideways: a fade with an arrow shows on the side where more tabs are.
  const nav = useRef<HTMLElement>(null);
  const [more, setMore] = useState({ before: false, after: false });
  const measure = useCallback(() => {
    const el = nav.current;
    if (!el) return;
    setMore({ before: el.scrollLeft > 1, after: el.scrollLeft + el.clientWidth < el.scrollWidth - 1 });
  }, []);
  useEffect(() => {
    const el = nav.current;
    const current = el?.querySelector<HTMLElement>('[aria-current="page"]');
    // The current page's tab is brought into view when it lies beyond the right edge.
    if (el && current && current.offsetLeft + current.offsetWidth > el.scrollLeft + el.clientWidth)
      el.scrollLeft = current.offsetLeft - 40;
    measure();
    window.addEventListener("resize", measure);
    return () => window.removeEventListener("resize", measure);
  }, [pathname, measure]);
  return (
    <div className="relative min-w-0">
      <nav ref={nav} aria-label={label} onScroll={measure} className="-mb-px flex gap-1 overflow-x-auto">
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
      {more.before ? (
        <span
          className={cn(fade, "left-0 justify-start bg-linear-to-r")}
          aria-hidden
          data-testid="nav-more-before"
        >
          <ChevronLeft className="size-4 text-slate-500" />
        </span>
      ) : null}
      {more.after ? (
        <span
          className={cn(fade, "right-0 justify-end bg-linear-to-l")}
          aria-hidden
          data-testid="nav-more-after"
        >
          <ChevronRight className="size-4 text-slate-500" />
        </span>
      ) : null}
    </div>
  );
}
