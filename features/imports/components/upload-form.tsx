"use client";
import { Download, Upload } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { TImportKind } from "../lib/spec";

type TProps = { kinds: TImportKind[]; maxMb: number; exportKinds: TImportKind[] };

/** Chooses the kind and the file, uploads it, and opens the new job's page. */
export function UploadForm({ kinds, maxMb, exportKinds }: TProps) {
  const t = useTranslations("imports");
  const router = useRouter();
  const [kind, setKind] = useState<TImportKind>(kinds[0]!);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const file = new FormData(e.currentTarget).get("file");
    if (!(file instanceof File) || file.name === "") return setError(t("upload.noFile"));
    setBusy(true);
    setError(null);
    const body = new FormData();
    body.set("file", file);
    const res = await fetch(`/api/imports?kind=${kind}`, { method: "POST", body }).catch(() => null);
    const json = (await res?.json().catch(() => null)) as { id?: number; code?: string } | null;
    if (res?.status === 201 && json?.id) return router.push(`/imports/${json.id}`);
    setBusy(false);
    const code = json?.code === "FILE_TYPE" || json?.code === "FILE_TOO_LARGE" ? json.code : "UPLOAD";
    setError(t(`jobErrors.${code}`));
  }

  return (
    <form onSubmit={submit} className="space-y-3 p-4">
      {kinds.length > 1 ? (
        <label className="block text-sm">
          <span className="font-medium text-slate-700">{t("upload.kind")}</span>
          <select
            className="mt-1 block h-10 w-full rounded-md border border-slate-300 px-2 sm:w-60"
            value={kind}
            onChange={(e) => setKind(e.target.value as TImportKind)}
          >
            {kinds.map((k) => (
              <option key={k} value={k}>
                {t(`kinds.${k}`)}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <label className="block text-sm">
        <span className="font-medium text-slate-700">{t("upload.file")}</span>
        <input
          name="file"
          type="file"
          accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
          className="mt-1 block w-full max-w-full text-sm file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5"
        />
      </label>
      <p className="text-xs text-slate-500">{t("upload.hint", { mb: maxMb })}</p>
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={busy}>
          <Upload className="size-4" aria-hidden />
          {busy ? t("upload.uploading") : t("upload.submit")}
        </Button>
        <Button asChild variant="secondary">
          <a href={`/api/imports/templates/${kind}`} download>
            <Download className="size-4" aria-hidden />
            {t("upload.template")}
          </a>
        </Button>
        {exportKinds.includes(kind) ? (
          <Button asChild variant="ghost">
            <a href={`/api/imports/exports/${kind}`} download>
              {t("upload.export")}
            </a>
          </Button>
        ) : null}
      </div>
    </form>
  );
}
