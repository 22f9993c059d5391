import { useTranslations } from "next-intl";
import { Download, Printer } from "lucide-react";
import Link from "next/link";

/** The 通报 print page and the 地区表 / 台账 downloads of the current org and scope. */
export function ExportLinks({
  orgId,
  objective,
  plan,
  indicator,
}: {
  orgId: number;
  objective?: string;
  plan?: string;
  /** The chosen indicator: the 通报 and the region table export carry its figures. */
  indicator?: number;
}) {
  const t = useTranslations("completion");
  // The plan goes into every link, so a file is of the plan the page showed.
  const scope = { org: String(orgId), ...(plan ? { plan } : {}), ...(objective ? { objective } : {}) };
  const q = (format: string) => new URLSearchParams({ ...scope, format }).toString();
  const withIndicator = indicator ? { ...scope, indicator: String(indicator) } : scope;
  const qi = (format: string) => new URLSearchParams({ ...withIndicator, format }).toString();
  const files = [
    { key: "regionXlsx", href: `/api/exports/completion?${qi("xlsx")}` },
    { key: "regionCsv", href: `/api/exports/completion?${qi("csv")}` },
    { key: "ledgerXlsx", href: `/api/exports/ledger?${q("xlsx")}` },
    { key: "ledgerCsv", href: `/api/exports/ledger?${q("csv")}` },
  ];
  const btn =
    "inline-flex h-9 items-center gap-1.5 rounded-md border border-slate-300 bg-white px-3 text-sm text-slate-700 hover:bg-slate-50";
  return (
    <>
      <Link href={`/completion/report?${new URLSearchParams(withIndicator)}`} className={btn}>
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
