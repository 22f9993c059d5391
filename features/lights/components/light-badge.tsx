import { useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";
import type { TLightReason, TTaskLight } from "../lib/light";

// A light is a dot AND its name (never colour alone); the reasons follow on the task page.
const DOT: Record<TTaskLight, string> = {
  RED: "bg-red-600",
  YELLOW: "bg-amber-400",
  GREEN: "bg-emerald-600",
};
const TEXT: Record<TTaskLight, string> = {
  RED: "text-red-800 bg-red-50",
  YELLOW: "text-amber-900 bg-amber-50",
  GREEN: "text-emerald-800 bg-emerald-50",
};

export function LightDot({ light, className }: { light: TTaskLight; className?: string }) {
  return (
    <span aria-hidden className={cn("inline-block size-2.5 shrink-0 rounded-full", DOT[light], className)} />
  );
}

/** 红灯 / 黄灯 / 绿灯 with a dot; nothing for a closed task (null). With reasons: "红灯：已逾期、漏报". */
export function LightBadge({ light, reasons }: { light: TTaskLight | null; reasons?: TLightReason[] }) {
  const t = useTranslations("lights");
  const p = useTranslations("punct");
  if (!light) return null;
  return (
    <span
      className={cn(
        "inline-flex shrink-0 items-center gap-1 rounded px-1.5 py-0.5 text-xs font-medium",
        TEXT[light],
      )}
      data-testid="task-light"
      data-light={light}
    >
      <LightDot light={light} />
      {t(`light.${light}`)}
      {reasons?.length ? (
        <span className="font-normal">
          {p("colon")}
          {reasons.map((r) => t(`reason.${r}`)).join(p("listSep"))}
        </span>
      ) : null}
    </span>
  );
}
