import Link from "next/link";
import { useTranslations } from "next-intl";
import { LightDot } from "./light-badge";

/** From the completion page to the org's 预警规则 (holders of task:assign). */
export function WarningSettingsLink() {
  const t = useTranslations("lights.settings");
  return (
    <Link
      href="/settings/warnings"
      className="inline-flex h-9 items-center gap-1.5 rounded-md border border-slate-300 bg-white px-3 text-sm text-slate-700 hover:bg-slate-50"
      data-testid="warning-settings-link"
    >
      <LightDot light="YELLOW" />
      {t("title")}
    </Link>
  );
}
