"use client";
import type { TAttachmentView } from "../server/attachment-view";

export type TUploadResult = { ok: true; view: TAttachmentView } | { ok: false; code: string };

/** Uploads one file with XMLHttpRequest so the caller can show real upload progress. */
export function uploadFile({
  taskId,
  purpose,
  file,
  onProgress,
}: {
  taskId: number;
  purpose: string;
  file: File;
  onProgress: (pct: number) => void;
}): Promise<TUploadResult> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/tasks/${taskId}/attachments?purpose=${encodeURIComponent(purpose)}`);
    xhr.responseType = "json";
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onload = () => {
      const body = xhr.response as (TAttachmentView & { code?: string }) | null;
      if (xhr.status === 201 && body) resolve({ ok: true, view: body });
      else resolve({ ok: false, code: body?.code ?? (xhr.status === 413 ? "FILE_TOO_LARGE" : "INTERNAL") });
    };
    xhr.onerror = () => resolve({ ok: false, code: "NETWORK" });
    const form = new FormData();
    form.set("purpose", purpose);
    form.set("file", file);
    xhr.send(form);
  });
}
