"use client";
import { Camera, FileText, Paperclip, X } from "lucide-react";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { MAX_FILE_BYTES } from "../lib/file-kind";
import { formatSize } from "./format-size";
import { uploadFile } from "./upload-file";

type TItem = {
  key: string;
  name: string;
  size: number;
  preview: string | null;
  progress: number;
  id?: number;
  error?: string;
};
const ACCEPT = "image/*,.pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.wps,.et";

/** Where the files go: a task's evidence (with its purpose) or any other evidence upload route. */
export type TUploadTarget = { taskId: number; purpose: "progress" | "report" } | { url: string };
const urlOf = (to: TUploadTarget) =>
  "url" in to ? to.url : `/api/tasks/${to.taskId}/attachments?purpose=${encodeURIComponent(to.purpose)}`;

/**
 * 佐证材料: photos from the phone camera or files, uploaded at once with progress; the parent
 * form receives the ids of the files that arrived. Removing one only drops it from this form.
 * `max` caps the files one form takes (further ones are not added); `errorText` words a refusal
 * code for the route (before the task wording of the evidence catalogue).
 */
export function EvidenceUploader({
  onChange,
  onBusyChange,
  max,
  hint,
  errorText,
  ...target
}: TUploadTarget & {
  onChange: (ids: number[]) => void;
  onBusyChange?: (busy: boolean) => void;
  max?: number;
  hint?: string;
  errorText?: (code: string) => string | undefined;
}) {
  const t = useTranslations("evidence");
  const url = urlOf(target as TUploadTarget);
  const [items, setItems] = useState<TItem[]>([]);
  const camera = useRef<HTMLInputElement>(null);
  const picker = useRef<HTMLInputElement>(null);
  const patch = (key: string, p: Partial<TItem>) =>
    setItems((list) => list.map((i) => (i.key === key ? { ...i, ...p } : i)));

  // The parent's callbacks may change identity on every render; only a change of files matters.
  const callbacks = useRef({ onChange, onBusyChange });
  callbacks.current = { onChange, onBusyChange };
  useEffect(() => {
    callbacks.current.onChange(items.filter((i) => i.id !== undefined).map((i) => i.id!));
    callbacks.current.onBusyChange?.(items.some((i) => i.id === undefined && !i.error));
  }, [items]);

  const full = max !== undefined && items.length >= max;
  const add = (files: FileList | null) => {
    const room = max === undefined ? Infinity : max - items.length;
    for (const file of Array.from(files ?? []).slice(0, Math.max(room, 0))) {
      const key = `${file.name}-${file.size}-${Math.random()}`;
      const preview = file.type.startsWith("image/") ? URL.createObjectURL(file) : null;
      const tooBig = file.size > MAX_FILE_BYTES;
      setItems((list) => [
        ...list,
        {
          key,
          name: file.name,
          size: file.size,
          preview,
          progress: 0,
          error: tooBig ? t("errors.FILE_TOO_LARGE") : undefined,
        },
      ]);
      if (tooBig) continue;
      void uploadFile({ url, file, onProgress: (progress) => patch(key, { progress }) }).then((res) =>
        patch(
          key,
          res.ok
            ? { id: res.view.id, progress: 100 }
            : {
                error:
                  errorText?.(res.code) ??
                  (t.has(`errors.${res.code}`) ? t(`errors.${res.code}`) : t("errors.INTERNAL")),
              },
        ),
      );
    }
  };

  return (
    <div className="grid gap-2">
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          disabled={full}
          onClick={() => camera.current?.click()}
          className="inline-flex h-11 items-center gap-1.5 rounded-md border border-slate-300 bg-white px-4 text-sm hover:bg-slate-50 disabled:opacity-50"
        >
          <Camera className="size-4" aria-hidden />
          {t("camera")}
        </button>
        <button
          type="button"
          disabled={full}
          onClick={() => picker.current?.click()}
          className="inline-flex h-11 items-center gap-1.5 rounded-md border border-slate-300 bg-white px-4 text-sm hover:bg-slate-50 disabled:opacity-50"
        >
          <Paperclip className="size-4" aria-hidden />
          {t("choose")}
        </button>
        {/* The buttons above are the controls: the inputs are out of the tab order and the accessibility
            tree (display: none still opens the picker on click), so each control is announced once. */}
        <input
          ref={camera}
          type="file"
          accept="image/*"
          capture="environment"
          className="hidden"
          tabIndex={-1}
          onChange={(e) => {
            add(e.target.files);
            e.target.value = "";
          }}
        />
        <input
          ref={picker}
          type="file"
          accept={ACCEPT}
          multiple
          className="hidden"
          tabIndex={-1}
          data-testid="evidence-file-input"
          onChange={(e) => {
            add(e.target.files);
            e.target.value = "";
          }}
        />
      </div>
      <p className="text-xs text-slate-500">{hint ?? t("hint")}</p>
      {items.length ? (
        <ul className="grid grid-cols-2 gap-2 sm:grid-cols-3" aria-live="polite">
          {items.map((i) => (
            <li
              key={i.key}
              data-testid="evidence-item"
              data-attachment-id={i.id ?? ""}
              className={`relative overflow-hidden rounded-md border ${i.error ? "border-red-300 bg-red-50" : "border-slate-200 bg-white"}`}
            >
              {i.preview ? (
                <img src={i.preview} alt={i.name} className="h-24 w-full object-cover" />
              ) : (
                <div className="flex h-24 items-center justify-center bg-slate-50">
                  <FileText className="size-8 text-slate-400" aria-hidden />
                </div>
              )}
              <div className="p-1.5 text-xs">
                <p className="truncate" title={i.name}>
                  {i.name}
                </p>
                <p className="text-slate-500">{formatSize(i.size)}</p>
                {i.error ? (
                  <p role="alert" className="text-red-700">
                    {i.error}
                  </p>
                ) : i.id === undefined ? (
                  <div
                    className="mt-1 h-1.5 rounded bg-slate-100"
                    role="progressbar"
                    aria-valuenow={i.progress}
                    aria-valuemin={0}
                    aria-valuemax={100}
                    aria-label={t("uploading")}
                  >
                    <div className="h-full rounded bg-brand-600" style={{ width: `${i.progress}%` }} />
                  </div>
                ) : (
                  <p className="text-emerald-700">{t("uploaded")}</p>
                )}
              </div>
              <button
                type="button"
                onClick={() => setItems((list) => list.filter((x) => x.key !== i.key))}
                className="absolute top-1 right-1 rounded-full bg-white/90 p-1 text-slate-600 shadow hover:text-red-700"
                aria-label={`${t("remove")} ${i.name}`}
              >
                <X className="size-4" />
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
