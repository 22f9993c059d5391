"use client";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { cn } from "@/components/ui/cn";
import { setLocaleAction } from "../actions";

const OPTIONS = [
  { value: "zh-CN", label: "中文" },
  { value: "en", label: "English" },
] as const;

export function LocaleSwitcher({ tone = "light" }: { tone?: "light" | "dark" }) {
  const locale = useLocale();
  const t = useTranslations("nav");
  const router = useRouter();
  const [pending, start] = useTransition();
  return (
    <div role="group" aria-label={t("language")} className="flex items-center gap-1 text-sm">
      {OPTIONS.map((o) => (
        <button
          key={o.value}
          type="button"
          disabled={pending}
          aria-pressed={locale === o.value}
          onClick={() =>
            start(async () => {
              await setLocaleAction(o.value);
              router.refresh();
            })
          }
          className={cn(
            "rounded px-2 py-1",
            locale === o.value
              ? "font-semibold underline underline-offset-4"
              : "opacity-80 hover:opacity-100",
            tone === "dark" ? "text-white" : "text-slate-700",
          )}
        >
          {o.label}
        </button>
      ))}
    </div>
  );
}
