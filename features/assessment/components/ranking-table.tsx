import Link from "next/link";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { TGrade } from "../schemas";

// A ranking (live or published): rank, unit, total, grade, veto mark; each unit links to its sheet.

export type TRankingRow = {
  orgId: number;
  name: string;
  total: number;
  grade: TGrade;
  rank: number;
  vetoed: boolean;
  pending?: number;
};

export const GRADE_TONE = { EXCELLENT: "green", GOOD: "blue", PASS: "gray", FAIL: "red" } as const;

export function RankingTable({ rows, href }: { rows: TRankingRow[]; href: (orgId: number) => string }) {
  const t = useTranslations("assessmentResults");
  const ta = useTranslations("assessment");
  const showPending = rows.some((r) => r.pending !== undefined);
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm" data-testid="assess-ranking">
        <thead className="bg-slate-50 text-left text-slate-600">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">
              {t("col.rank")}
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              {t("col.unit")}
            </th>
            <th scope="col" className="px-3 py-2 text-right font-medium">
              {t("col.total")}
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              {t("col.grade")}
            </th>
            {showPending ? (
              <th scope="col" className="hidden px-3 py-2 text-right font-medium sm:table-cell">
                {t("col.pending")}
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r) => (
            <tr key={r.orgId} data-testid={`assess-row-${r.orgId}`}>
              <td className="px-3 py-2 tabular-nums">{r.rank}</td>
              <td className="px-3 py-2">
                <Link href={href(r.orgId)} className="break-words text-brand-700 hover:underline">
                  {r.name}
                </Link>
              </td>
              <td className="px-3 py-2 text-right font-medium tabular-nums" data-testid="assess-rank-total">
                {r.total}
              </td>
              <td className="px-3 py-2">
                <span className="flex flex-wrap gap-1">
                  <Badge tone={GRADE_TONE[r.grade]}>{ta(`grade.${r.grade}`)}</Badge>
                  {r.vetoed ? (
                    <Badge tone="red" className="border border-red-300">
                      {t("vetoMark")}
                    </Badge>
                  ) : null}
                </span>
              </td>
              {showPending ? (
                <td className="hidden px-3 py-2 text-right tabular-nums sm:table-cell">{r.pending || ""}</td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
