"use client";
export type TUploadResult = { ok: true; view: { id: number } } | { ok: false; code: string };

/**
 * Uploads one file (multipart `file`) to an evidence upload route (task evidence:
 * /api/tasks/<id>/attachments?purpose=…, 考评 evidence: /api/assessment/evidence?scheme=…) with
 * XMLHttpRequest so the caller can show real upload progress.
 */
export function uploadFile({
  url,
  file,
  onProgress,
}: {
  url: string;
  file: File;
  onProgress: (pct: number) => void;
}): Promise<TUploadResult> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    xhr.responseType = "json";
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onload = () => {
      const body = xhr.response as { id: number; code?: string } | null;
      if (xhr.status === 201 && body) resolve({ ok: true, view: body });
      else resolve({ ok: false, code: body?.code ?? (xhr.status === 413 ? "FILE_TOO_LARGE" : "INTERNAL") });
    };
    xhr.onerror = () => resolve({ ok: false, code: "NETWORK" });
    const form = new FormData();
    form.set("file", file);
    xhr.send(form);
  });
}
