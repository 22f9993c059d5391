"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, Select } from "@/components/ui/field";
import { planImportTextAction } from "../actions";
import { ZImportOptions } from "../schemas";
import { PartSelect } from "./part-select";
import { usePlanErrorText, usePlanFieldText } from "./use-plan-error";

type TIssuer = { id: number; name: string };

/** Paste text or upload a .docx / .txt: either becomes a draft, then the preview opens. */
export function ImportForm({ issuers }: { issuers: TIssuer[] }) {
  const t = useTranslations("planImport");
  const errorText = usePlanErrorText();
  const fieldText = usePlanFieldText();
  const router = useRouter();
  const [mode, setMode] = useState<"upload" | "paste">("upload");
  const [issuer, setIssuer] = useState(String(issuers[0]?.id ?? ""));
  const [text, setText] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [part, setPart] = useState("");
  const [partError, setPartError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const open = (draftId: number) => router.push(`/plans/import/${draftId}`);
  /** A failure as text: a missing part beside the part's field, anything else in the alert. */
  const fail = (code: string, fieldErrors?: Record<string, string>) => {
    if (code === "PLAN_PART_NOT_FOUND") return setPartError(t("partNotFound", { part }));
    if (fieldErrors?.part) return setPartError(fieldText(fieldErrors.part));
    setError(errorText(code));
  };
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setError(null);
    setPartError(undefined);
    if (mode === "upload" && !file) return setError(t("noFile"));
    // The same schema as the action and the upload route.
    const options = { issuingOrgId: issuer, part };
    const checked = ZImportOptions.safeParse(options);
    if (!checked.success) return setPartError(fieldText(checked.error.issues[0]?.message));
    setBusy(true);
    try {
      if (mode === "paste") {
        const r = await planImportTextAction({ text, ...options });
        if (r.ok) return open(r.data.draftId);
        return fail(r.code === "VALIDATION" && !text.trim() ? "PLAN_FILE_EMPTY" : r.code, r.fieldErrors);
      }
      const body = new FormData();
      body.set("file", file!);
      const res = await fetch(`/api/plans/import?${new URLSearchParams(options)}`, { method: "POST", body });
      const json = (await res.json().catch(() => ({}))) as {
        draftId?: number;
        code?: string;
        fieldErrors?: Record<string, string>;
      };
      if (res.ok && json.draftId) return open(json.draftId);
      fail(json.code ?? (res.status === 413 ? "FILE_TOO_LARGE" : "INTERNAL"), json.fieldErrors);
    } finally {
      setBusy(false);
    }
  }

  const tab = (m: "upload" | "paste", label: string) => (
    <button
      type="button"
      role="tab"
      aria-selected={mode === m}
      onClick={() => setMode(m)}
      className={`rounded-md px-3 py-1.5 text-sm ${mode === m ? "bg-brand-600 text-white" : "text-slate-700 hover:bg-slate-100"}`}
    >
      {label}
    </button>
  );

  return (
    <form onSubmit={submit} noValidate className="grid gap-4">
      <div role="tablist" className="flex gap-2">
        {tab("upload", t("uploadTab"))}
        {tab("paste", t("pasteTab"))}
      </div>
      {mode === "upload" ? (
        <Field id="plan-file" label={t("fileLabel")} hint={t("fileHint")}>
          <input
            id="plan-file"
            type="file"
            accept=".docx,.txt,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/plain"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            className="block w-full text-sm file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5"
          />
        </Field>
      ) : (
        <Field id="plan-text" label={t("textLabel")}>
          <textarea
            id="plan-text"
            rows={12}
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder={t("textPlaceholder")}
            className="w-full rounded-md border border-slate-300 p-2 text-sm"
          />
        </Field>
      )}
      <PartSelect
        value={part}
        onChange={(p) => {
          setPart(p);
          setPartError(undefined);
        }}
        error={partError}
      />
      <Field id="plan-issuer" label={t("issuer")}>
        <Select id="plan-issuer" value={issuer} onChange={(e) => setIssuer(e.target.value)}>
          {issuers.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </Select>
      </Field>
      {error ? (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 p-2 text-sm text-red-800">
          {error}
        </p>
      ) : null}
      <div>
        <Button type="submit" disabled={busy}>
          {busy ? t("parsing") : t("parse")}
        </Button>
      </div>
    </form>
  );
}
