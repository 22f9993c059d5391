import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDay } from "@/lib/dates";

/** The published results of a scheme (newest first), each a link to its ranking. */
export async function ResultList({
  results,
}: {
  results: { id: number; asOf: Date; docNumber: string | null; objectionDeadline: Date }[];
}) {
  const t = await getTranslations("assessmentResults");
  if (!results.length) return <EmptyState title={t("results.none")} />;
  return (
    <ul className="divide-y divide-slate-100 text-sm" data-testid="assess-results">
      {results.map((r) => (
        <li key={r.id} className="grid gap-0.5 px-4 py-2">
          <Link href={`/assessment/results/${r.id}`} className="font-medium text-brand-700 hover:underline">
            {t("results.asOf", { day: formatDay(r.asOf) })}
            {r.docNumber ? ` · ${r.docNumber}` : ""}
          </Link>
          <span className="text-xs text-slate-500">
            {t("results.deadline", { day: formatDay(r.objectionDeadline) })}
          </span>
        </li>
      ))}
    </ul>
  );
}
