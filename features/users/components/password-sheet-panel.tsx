import { KeyRound } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { formatChinaDateTime } from "@/lib/dates";
import { passwordSheetState } from "../import/password-sheet";
import { PasswordSheetLink } from "./password-sheet-link";

/**
 * The 初始密码单 of a finished people import, on its job page: shown to the importer only (for anyone
 * else, or a job without new accounts, nothing).
 */
export async function PasswordSheetPanel({ jobId, viewer }: { jobId: number; viewer: { id: number } }) {
  const sheet = await passwordSheetState(viewer, jobId);
  if (!sheet) return null;
  const t = await getTranslations("people.sheet");
  const text =
    sheet.state === "available"
      ? t("available", { count: sheet.accounts, expires: formatChinaDateTime(sheet.expiresAt) })
      : sheet.state === "downloaded"
        ? t("downloaded", { at: formatChinaDateTime(sheet.downloadedAt!) })
        : t("expired");
  return (
    <Card className="mb-4 border-amber-200 bg-amber-50 p-4" data-testid="password-sheet">
      <h2 className="flex items-center gap-2 text-base font-semibold text-slate-800">
        <KeyRound className="size-4 text-amber-700" aria-hidden />
        {t("title")}
      </h2>
      <p className="mt-2 text-sm text-slate-700">{text}</p>
      <p className="mt-1 text-sm text-slate-600">{t("firstSignIn")}</p>
      {sheet.state === "available" ? (
        <div className="mt-3">
          <PasswordSheetLink jobId={jobId} label={t("download")} />
        </div>
      ) : null}
    </Card>
  );
}
