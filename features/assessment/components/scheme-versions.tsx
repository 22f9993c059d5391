import Link from "next/link";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { formatDay } from "@/lib/dates";
import type { TSchemeVersion } from "../server/scheme-view";

export const STATUS_TONE = { DRAFT: "amber", PUBLISHED: "green", SUPERSEDED: "gray" } as const;

/** The versions of one series, newest first, each a link (the one shown is marked). */
export function SchemeVersions({ versions, current }: { versions: TSchemeVersion[]; current?: number }) {
  const t = useTranslations("assessmentSchemes");
  const ta = useTranslations("assessment");
  return (
    <ul className="divide-y divide-slate-100 text-sm">
      {versions.map((v) => (
        <li key={v.id} className="flex flex-wrap items-center gap-2 px-4 py-2">
          {v.id === current ? (
            <span aria-current="page" className="font-semibold text-slate-900">
              {t("versionLink", { version: v.version })}
            </span>
          ) : (
            <Link href={`/assessment/${v.id}`} className="text-brand-700 hover:underline">
              {t("versionLink", { version: v.version })}
            </Link>
          )}
          <Badge tone={STATUS_TONE[v.status]}>{ta(`list.status.${v.status}`)}</Badge>
          {v.publishedAt ? (
            <span className="text-slate-500">{t("publishedOn", { day: formatDay(v.publishedAt) })}</span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
