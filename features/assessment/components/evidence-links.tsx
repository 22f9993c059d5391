import { Paperclip } from "lucide-react";
import { useTranslations } from "next-intl";
import { formatSize } from "@/features/evidence/components/format-size";
import type { TEvidenceView } from "../server/evidence";

/** An item's evidence files as download links (GET /api/assessment/evidence/<id>); nothing when none. */
export function EvidenceLinks({ itemId, files }: { itemId: number; files: TEvidenceView[] | undefined }) {
  const t = useTranslations("assessmentResults.items");
  if (!files?.length) return null;
  return (
    <div className="grid gap-0.5 text-xs" data-testid={`assess-item-evidence-${itemId}`}>
      <span className="text-slate-500">{t("evidenceCount", { count: files.length })}</span>
      <ul className="grid gap-0.5">
        {files.map((f) => (
          <li key={f.id} className="flex min-w-0 items-center gap-1">
            <Paperclip className="size-3 shrink-0 text-slate-400" aria-hidden />
            <a
              href={`/api/assessment/evidence/${f.id}`}
              target="_blank"
              rel="noopener"
              className="min-w-0 truncate text-brand-700 hover:underline"
              title={f.fileName}
              data-testid={`assess-evidence-${f.id}`}
            >
              {f.fileName}
            </a>
            <span className="shrink-0 text-slate-500 tabular-nums">{formatSize(f.size)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
