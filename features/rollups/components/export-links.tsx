import { useTranslations } from "next-intl";
import { Download, Printer } from "lucide-react";
import Link from "next/link";

/** The 通报 print page and the 地区表 / 台账 downloads of the current org and scope. */
export function ExportLinks({ orgId, objective }: { orgId: number; objective?: string }) {
  const t = useTranslations("completion");
  const q = (format: string) =>
    new URLSearchParams({ org: String(orgId), ...(objective ? { objective } : {}), format }).toString();
  const files = [
    { key: "regionXlsx", href: `/api/exports/completion?${q("xlsx")}` },
    { key: "regionCsv", href: `/api/exports/completion?${q("csv")}` },
    { key: "ledgerXlsx", href: `/api/exports/ledger?${q("xlsx")}` },
    { key: "ledgerCsv", href: `/api/exports/ledger?${q("csv")}` },
  ];
  const btn =
    "inline-flex h-9 items-center gap-1.5 rounded-md border border-slate-300 bg-white px-3 text-sm text-slate-700 hover:bg-slate-50";
  return (
    <>
      <Link
        href={`/completion/report?${new URLSearchParams({ org: String(orgId), ...(objective ? { objective } : {}) })}`}
        className={btn}
      >
        <Printer className="size-4" aria-hidden />
        {t("report.open")}
      </Link>
      <details className="relative">
        <summary className={`${btn} cursor-pointer list-none`}>
          <Download className="size-4" aria-hidden />
          {t("export.label")}
        </summary>
        <ul className="absolute right-0 z-20 mt-1 w-44 rounded-md border border-slate-200 bg-white py-1 shadow-lg">
          {files.map((f) => (
            <li key={f.key}>
              <a href={f.href} download className="block px-3 py-2 text-sm hover:bg-slate-50">
                {t(`export.${f.key}`)}
              </a>
            </li>
          ))}
        </ul>
      </details>
    </>
  );
}
