import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import type { TSessionUser } from "@/lib/auth/session";
import { getCurrentPlan } from "../server/current-plan";
import { PlanSwitcher } from "./plan-switcher";

/** The shell's plan switcher: only for users who read objectives, and only when there is a plan. */
export async function PlanSwitcherSlot({ user }: { user: TSessionUser }) {
  if (!user.permissions.has("objective:read")) return null;
  const [{ plans, current }, t] = await Promise.all([getCurrentPlan(user), getTranslations("planList")]);
  if (plans.length === 0) return null;
  return (
    <Suspense>
      <PlanSwitcher
        plans={plans.map((p) => ({ prefix: p.codePrefix, title: p.title }))}
        current={current?.codePrefix ?? null}
        label={t("switcher")}
      />
    </Suspense>
  );
}
