import Link from "next/link";
import { useTranslations } from "next-intl";
import { Download, Printer } from "lucide-react";
import { Button } from "@/components/ui/button";

/** The outputs of a published result: the XLSX download and the printable 考评通报 (for the result page). */
export function ResultOutputLinks({ resultId, print = true }: { resultId: number; print?: boolean }) {
  const t = useTranslations("assessmentOutputs");
  return (
    <div className="flex flex-wrap gap-2">
      <Button asChild variant="secondary">
        {/* A plain link: the route answers a file download, not a page. */}
        <a href={`/api/assessment/results/${resultId}/export`} data-testid="result-export">
          <Download className="size-4" aria-hidden />
          {t("export.open")}
        </a>
      </Button>
      {print ? (
        <Button asChild variant="secondary">
          <Link href={`/assessment/results/${resultId}/print`} data-testid="result-print-link">
            <Printer className="size-4" aria-hidden />
            {t("print.open")}
          </Link>
        </Button>
      ) : null}
    </div>
  );
}
