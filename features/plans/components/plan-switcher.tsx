"use client";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useTransition } from "react";
import { choosePlanAction } from "../actions";

export type TPlanOption = { prefix: string; title: string };

// Query parameters that name something inside one plan: dropped when the plan changes.
const PLAN_BOUND_PARAMS = ["plan", "objective", "main", "cursor", "page"];

/**
 * The header's plan switcher: a native select (usable at 360 px). The server passes the current
 * plan as resolved from the cookie; a `?plan=` in the URL wins, as on the server.
 */
export function PlanSwitcher({
  plans,
  current,
  label,
}: {
  plans: TPlanOption[];
  current: string | null;
  label: string;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [pending, startTransition] = useTransition();
  const fromUrl = params.get("plan");
  const value = plans.some((p) => p.prefix === fromUrl) ? fromUrl! : (current ?? "");
  const choose = (prefix: string) =>
    startTransition(async () => {
      await choosePlanAction(prefix);
      const next = new URLSearchParams(params.toString());
      for (const k of PLAN_BOUND_PARAMS) next.delete(k);
      // An objective's page belongs to one plan: go to the new plan's tree instead.
      const path = pathname.startsWith("/objectives/") ? "/objectives" : pathname;
      const qs = next.toString();
      router.push(qs ? `${path}?${qs}` : path);
      router.refresh();
    });
  return (
    <label className="flex items-center gap-1 text-xs text-slate-600">
      <span className="sr-only sm:not-sr-only sm:shrink-0">{label}</span>
      <select
        aria-label={label}
        data-testid="plan-switcher"
        value={value}
        disabled={pending}
        onChange={(e) => choose(e.target.value)}
        className="h-8 w-24 truncate rounded-md border border-slate-300 bg-white px-1.5 text-xs text-slate-800 focus:border-brand-600 focus:outline-none disabled:opacity-60 sm:w-auto sm:max-w-[16rem]"
      >
        {plans.map((p) => (
          <option key={p.prefix} value={p.prefix}>
            {p.title}
          </option>
        ))}
      </select>
    </label>
  );
}
