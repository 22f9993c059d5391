"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { readTargetSheetAction } from "../actions";
import type { TSplitRecipient } from "../lib/split-state";
import type { TSheetTargets } from "../lib/target-sheet";

const SHEET_ERRORS = ["FILE_TOO_LARGE", "FILE_TYPE", "TOO_MANY", "VALIDATION"] as const;

/** Uploads a 目标分解表 (工会代码 → 目标值), read on the server, and matches it to the recipients. */
export function TargetSheetUpload({
  id,
  recipients,
  onRead,
}: {
  id: string;
  recipients: TSplitRecipient[];
  onRead: (byCode: Record<string, number>) => void;
}) {
  const t = useTranslations("indicators.targets");
  const errors = useTranslations("errors");
  const pu = useTranslations("punct");
  const [busy, setBusy] = useState(false);
  const [read, setRead] = useState<TSheetTargets | null>(null);
  const [error, setError] = useState<string | null>(null);
  const codes = new Set(recipients.map((r) => r.code));
  async function upload(file: File | undefined) {
    if (!file) return;
    setBusy(true);
    setError(null);
    const form = new FormData();
    form.set("file", file);
    const r = await readTargetSheetAction(form);
    setBusy(false);
    if (!r.ok) {
      const known = (SHEET_ERRORS as readonly string[]).includes(r.code);
      setError(known ? t(`sheetErrors.${r.code as (typeof SHEET_ERRORS)[number]}`) : errors(r.code));
      setRead(null);
      return onRead({});
    }
    setRead(r.data);
    onRead(Object.fromEntries(r.data.rows.map((x) => [x.code, x.target])));
  }
  const unknown = read ? read.rows.filter((x) => !codes.has(x.code)).map((x) => x.code) : [];
  return (
    <div className="grid gap-1 text-sm">
      <p className="text-xs text-slate-500">{t("sheetHint")}</p>
      <label htmlFor={id} className="font-medium text-slate-700">
        {t("sheetChoose")}
      </label>
      <input
        id={id}
        type="file"
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        disabled={busy}
        className="max-w-full text-sm"
        onChange={(e) => upload(e.target.files?.[0])}
      />
      {error ? (
        <p role="alert" className="text-red-700">
          {error}
        </p>
      ) : null}
      {read ? (
        <div className="grid gap-1" data-testid="sheet-result">
          <p>{t("sheetRead", { rows: read.rows.length, matched: read.rows.length - unknown.length })}</p>
          {unknown.length ? (
            <p className="text-amber-800">
              {t("sheetUnknown", { count: unknown.length, codes: unknown.slice(0, 10).join(pu("listSep")) })}
            </p>
          ) : null}
          {read.issues.map((x) => (
            <p key={x.rowNo} className="text-amber-800">
              {t("sheetIssue", { row: x.rowNo, reason: t(`sheetReasons.${x.reason}`) })}
            </p>
          ))}
        </div>
      ) : null}
    </div>
  );
}
