import Link from "next/link";
import { cn } from "@/components/ui/cn";

export type TTab = { key: string; label: string; count: number | null; href: string };

/** Filter links by row action (全部 / 新增 / 变更 / 无变化 / 错误) with their counts; wraps on a phone. */
export function ActionTabs({ tabs, current }: { tabs: TTab[]; current: string }) {
  return (
    <nav className="flex flex-wrap gap-1 border-b border-slate-100 px-3 py-2" aria-label="filter">
      {tabs.map((tab) => (
        <Link
          key={tab.key}
          href={tab.href}
          aria-current={tab.key === current ? "page" : undefined}
          className={cn(
            "rounded-md px-2.5 py-1 text-sm",
            tab.key === current
              ? "bg-brand-50 font-medium text-brand-700"
              : "text-slate-600 hover:bg-slate-100",
          )}
        >
          {tab.label}
          {tab.count === null ? null : <span className="ml-1 text-xs text-slate-500">{tab.count}</span>}
        </Link>
      ))}
    </nav>
  );
}
