import { FileSpreadsheet, FileText } from "lucide-react";
import { useTranslations } from "next-intl";
import type { TAttachmentView } from "../server/attachment-view";
import { formatSize } from "./format-size";

/** Evidence of a record: thumbnails for photos (open full size), file rows for documents. */
export function AttachmentList({ items }: { items: TAttachmentView[] }) {
  const t = useTranslations("evidence");
  const images = items.filter((a) => a.kind === "IMAGE");
  const files = items.filter((a) => a.kind !== "IMAGE");
  return (
    <div className="grid gap-2" data-testid="attachment-list">
      {images.length ? (
        <ul className="flex flex-wrap gap-2">
          {images.map((a) => (
            <li key={a.id}>
              <a
                href={`/api/attachments/${a.id}`}
                target="_blank"
                rel="noopener"
                title={`${a.fileName} · ${formatSize(a.size)}`}
              >
                {a.hasThumbnail ? (
                  <img
                    src={`/api/attachments/${a.id}?thumb=1`}
                    alt={a.fileName}
                    loading="lazy"
                    className="size-20 rounded border border-slate-200 object-cover"
                  />
                ) : (
                  <span className="flex size-20 items-center justify-center rounded border border-slate-200 bg-slate-50 text-xs text-slate-500">
                    {t("image")}
                  </span>
                )}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      {files.length ? (
        <ul className="grid gap-1">
          {files.map((a) => (
            <li key={a.id}>
              <a
                href={`/api/attachments/${a.id}`}
                className="inline-flex max-w-full items-center gap-1.5 text-sm text-brand-700 hover:underline"
                target={a.kind === "PDF" ? "_blank" : undefined}
                rel="noopener"
              >
                {a.mime.includes("sheet") || a.mime.includes("excel") ? (
                  <FileSpreadsheet className="size-4 shrink-0" aria-hidden />
                ) : (
                  <FileText className="size-4 shrink-0" aria-hidden />
                )}
                <span className="truncate">{a.fileName}</span>
                <span className="shrink-0 text-xs text-slate-500">{formatSize(a.size)}</span>
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
