import Link from "next/link";
import { ChevronRight } from "lucide-react";
import { getTranslations } from "next-intl/server";
import type { TObjectiveNode } from "../lib/tree";

// Native <details> gives expand/collapse with keyboard support and no client JS.
export async function ObjectiveTree({ nodes }: { nodes: TObjectiveNode[] }) {
  const t = await getTranslations("objectives");
  const renderNode = (n: TObjectiveNode, depth: number) => {
    if (n.level === "MEASURE") {
      return (
        <li key={n.code}>
          <Link
            href={`/objectives/${n.code}`}
            className="flex flex-col rounded px-2 py-1.5 text-sm hover:bg-brand-50 sm:flex-row sm:gap-2"
          >
            <span className="shrink-0 font-mono text-xs leading-5 text-slate-400 sm:w-16">{n.code}</span>
            <span className="text-slate-700">{n.title}</span>
          </Link>
        </li>
      );
    }
    return (
      <li key={n.code}>
        <details open={depth === 0} className="group">
          <summary className="flex cursor-pointer list-none items-start gap-2 rounded px-2 py-2 hover:bg-slate-50 [&::-webkit-details-marker]:hidden">
            <ChevronRight
              className="mt-0.5 size-4 shrink-0 text-slate-400 transition-transform group-open:rotate-90"
              aria-hidden
            />
            <span className="flex min-w-0 flex-1 flex-col sm:flex-row sm:gap-2">
              <span className="flex shrink-0 gap-2 font-mono text-xs leading-5 text-slate-500 sm:w-12">
                {n.code}
                <span className="font-sans sm:hidden">· {t("measuresCount", { count: n.measureCount })}</span>
              </span>
              <span className={depth === 0 ? "font-semibold text-slate-900" : "font-medium text-slate-800"}>
                {n.title}
              </span>
            </span>
            <span className="ml-auto hidden shrink-0 pl-2 text-xs leading-5 whitespace-nowrap text-slate-500 sm:inline">
              {t("measuresCount", { count: n.measureCount })}
            </span>
          </summary>
          <div className="pb-1 pl-3 sm:pl-6">
            <Link
              href={`/objectives/${n.code}`}
              className="mb-1 ml-2 inline-block text-xs text-brand-700 hover:underline"
            >
              {t("sourceText")} →
            </Link>
            <ul className="border-l border-slate-200 pl-2">
              {n.children.map((c) => renderNode(c, depth + 1))}
            </ul>
          </div>
        </details>
      </li>
    );
  };
  return <ul className="flex flex-col gap-1">{nodes.map((n) => renderNode(n, 0))}</ul>;
}
